package dev.opensessions.sidebar.runtime;

import dev.opensessions.application.security.ControlToken;
import dev.opensessions.domain.session.PaneId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HandshakeTest {

    private static final String T = "abc123abc123abc123abc123abc123abc123";
    private static final ControlToken TOKEN = new ControlToken(T);

    @Test
    void aDockedPaneSaysItsPaneAndSize() {
        assertThat(Handshake.parse("opensessions-pane 1 " + T + " %5 26 40", TOKEN))
                .contains(new Handshake(PaneId.of("%5"), 26, 40, false));
    }

    @Test
    void aPopupSaysSoAfterTheSizeAndNamesThePaneItFloatsOver() {
        assertThat(Handshake.parse("opensessions-pane 1 " + T + " %5 120 30 popup", TOKEN))
                .contains(new Handshake(PaneId.of("%5"), 120, 30, true));
    }

    @Test
    void aDockedPaneMayLeaveItsSizeToTheServer() {
        Handshake hello = Handshake.parse("opensessions-pane 1 " + T + " %5 - -", TOKEN).orElseThrow();
        assertThat(hello).isEqualTo(new Handshake(PaneId.of("%5"), 0, 0, false));
        assertThat(hello.sized()).isFalse();
        assertThat(Handshake.parse("opensessions-pane 1 " + T + " %5 26 40", TOKEN).orElseThrow().sized()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "opensessions-pane 1 wrong %5 26 40",
            "opensessions-pane 2 " + T + " %5 26 40",
            "opensessions-pane 1 " + T + " %5 26 40 docked",
            "opensessions-pane 1 " + T + " %5 26 40 popup extra",
            "opensessions-pane 1 abc123 5 26 40",
            "opensessions-pane 1 " + T + " %5 0 40",
            "opensessions-pane 1 " + T + " %5 26 1001",
            "opensessions-pane 1 " + T + " %5 26",
            "opensessions-pane 1 " + T + " %5 - 40",
            "opensessions-pane 1 " + T + " %5 26 -",
            "opensessions-pane 1 " + T + " %5 - - popup",
            "opensessions-pane 1 " + T + " %5 -- --",
            ""})
    void anythingElseIsRefused(String line) {
        assertThat(Handshake.parse(line, TOKEN)).isEmpty();
    }
}
