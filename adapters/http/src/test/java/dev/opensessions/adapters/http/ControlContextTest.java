package dev.opensessions.adapters.http;

import dev.opensessions.application.port.in.ClientContext;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.WindowId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Every shape of the tmux context (docs/reference/http-api.md#control-endpoints), and what is refused as no context at
 * all.
 */
class ControlContextTest {

    private static ClientContext parse(String body) {
        return ControlContext.parse(body.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', quoteCharacter = '`', textBlock = """
            # body                          ; tty        ; session      ; window ; pane ; active
            /dev/pts/3|work|@4|%7|1         ; /dev/pts/3 ; work         ; @4     ; %7   ; true
            /dev/pts/3|work|@4|%7|0         ; /dev/pts/3 ; work         ; @4     ; %7   ; false
            /dev/pts/3|work|@4|%7|yes       ; /dev/pts/3 ; work         ; @4     ; %7   ; false
            /dev/pts/3|work|@4|%7           ; /dev/pts/3 ; work         ; @4     ; %7   ; false
            /dev/pts/3|work|@4              ; /dev/pts/3 ; work         ; @4     ; ``   ; false
            |work|@4|%7|1                   ; ``         ; work         ; @4     ; %7   ; true
            ||||                            ; ``         ; ``           ; ``     ; ``   ; false
            work:2                          ; ``         ; work         ; ``     ; ``   ; false
            work                            ; ``         ; work         ; ``     ; ``   ; false
            "/dev/pts/3|work|@4|%7|1"       ; /dev/pts/3 ; work         ; @4     ; %7   ; true
            '/dev/pts/3|my work|@4|%7|1'    ; /dev/pts/3 ; my work      ; @4     ; %7   ; true
            /dev/pts/3|a|b|c|@4|%7|1        ; /dev/pts/3 ; a|b|c        ; @4     ; %7   ; true
            /dev/pts/3|日本語 ✓|@4|%7|1      ; /dev/pts/3 ; 日本語 ✓     ; @4     ; %7   ; true
            """)
    void everyShapeOfTheContextIsRead(String body, String tty, String session, String window, String pane,
                                      boolean active) {
        assertThat(RecordedControls.wire(parse(body)))
                .isEqualTo(String.join("|", tty, session, window, pane, active ? "1" : "0"));
    }

    @Test
    void aLineEndIsNotPartOfTheContext() {
        assertThat(parse("/dev/pts/3|work|@4|%7|1\r\n"))
                .isEqualTo(ClientContext.of("/dev/pts/3", SessionName.of("work"), WindowId.of("@4"), PaneId.of("%7"),
                        true));
    }

    @Test
    void anEmptyBodyIsNoContext() {
        assertThat(ControlContext.parse(new byte[0])).isEqualTo(ClientContext.none());
        assertThat(ControlContext.parse(null)).isEqualTo(ClientContext.none());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/dev/pts/3|wo\u0007rk|@4|%7|1", "/dev/pts/3|work|@4|%7|1\n|x", "\u001b[2J|s|@1|%1|1",
        "tty\tx|s|@1|%1|1", "a|s\u007f|@1|%1|1", "a|s\u0085|@1|%1|1", "a|s|4|%1|1", "a|s|@x|%1|1",
        "a|s|@1|7|1", "a|s|@1|%1;rm -rf|1", "a|s|@1|{last}|1"})
    void controlCharactersAndMalformedIdsAreRefused(String body) {
        assertThatThrownBy(() -> parse(body)).isInstanceOf(InvalidRequest.class).hasMessage("invalid context");
    }

    @Test
    void aContextOverFourKibibytesIsRefused() {
        String session = "s".repeat(ControlContext.MAX_BYTES);

        assertThatThrownBy(() -> parse("/dev/pts/1|" + session + "|@1|%1|1")).isInstanceOf(InvalidRequest.class)
                .hasMessage("invalid context");
        String fits = "s".repeat(ControlContext.MAX_BYTES - "/dev/pts/1||@1|%1|1".length());
        assertThat(parse("/dev/pts/1|" + fits + "|@1|%1|1").window()).contains(WindowId.of("@1"));
    }

    @Test
    void aSessionNameLongerThanTheCoreKeepsNamesNoSessionButTheRestIsRead() {
        ClientContext context = parse("/dev/pts/1|" + "s".repeat(257) + "|@1|%1|1");

        assertThat(context.session()).isEmpty();
        assertThat(context).isEqualTo(new ClientContext(Optional.of("/dev/pts/1"), Optional.empty(),
                Optional.of(WindowId.of("@1")), Optional.of(PaneId.of("%1")), true));
    }

    @Test
    void aBlankTtyIsNoClient() {
        assertThat(parse("  |work|@4|%7|1").client()).isEmpty();
    }

    @Test
    void bytesThatAreNotUtf8AreRefused() {
        byte[] latin1 = "/dev/pts/1|caf\u00e9|@1|%1|1".getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> ControlContext.parse(latin1)).isInstanceOf(InvalidRequest.class)
                .hasMessage("invalid context");
    }
}
