package dev.opensessions.domain.session;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SessionNameTest {

    @ParameterizedTest
    @ValueSource(strings = {"api", "my app", "it's \"quoted\"", "a;rm -rf /", "日本語", "🚀 launch", "$(x)", "-t"})
    void oddButPrintableNamesAreAccepted(String name) {
        assertThat(SessionName.of(name).value()).isEqualTo(name);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "line\nbreak", "tab\there", "nul\u0000", "esc\u001b[31m", "del\u007f"})
    void emptyOrControlCharactersAreRejected(String name) {
        assertThatThrownBy(() -> SessionName.of(name)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void overlongNamesAreRejected() {
        assertThatThrownBy(() -> SessionName.of("x".repeat(257))).isInstanceOf(IllegalArgumentException.class);
        assertThat(SessionName.of("x".repeat(256)).value()).hasSize(256);
    }

    @ParameterizedTest
    @ValueSource(strings = {"%0", "%12", "%123456789"})
    void paneIdsLookLikePercentNumber(String id) {
        assertThat(PaneId.isValid(id)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"12", "%", "%a", "%1;x", " %1", "%1234567890"})
    void otherPaneIdsAreRejected(String id) {
        assertThat(PaneId.isValid(id)).isFalse();
        assertThatThrownBy(() -> PaneId.of(id)).isInstanceOf(IllegalArgumentException.class);
    }
}
