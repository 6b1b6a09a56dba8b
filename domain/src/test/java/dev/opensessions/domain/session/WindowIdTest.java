package dev.opensessions.domain.session;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WindowIdTest {

    @ParameterizedTest
    @ValueSource(strings = {"@0", "@4", "@123456789"})
    void windowIdsLookLikeAtNumber(String id) {
        assertThat(WindowId.isValid(id)).isTrue();
        assertThat(WindowId.of(id).value()).isEqualTo(id);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "4", "@", "@x", "@1;x", " @1", "%1", "@1234567890"})
    void otherWindowIdsAreRejected(String id) {
        assertThat(WindowId.isValid(id)).isFalse();
        assertThatThrownBy(() -> WindowId.of(id)).isInstanceOf(IllegalArgumentException.class);
    }
}
