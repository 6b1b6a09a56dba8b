package dev.opensessions.domain.session;

import java.util.Objects;

/**
 * A user's terminal attached to the multiplexer (never a control-mode client), and the session it shows.
 *
 * @param tty        the client's terminal, such as {@code /dev/pts/3}; it names the client in commands
 * @param activePane the active pane of the active window the client looks at, null when unknown
 */
public record Client(String tty, SessionName session, PaneId activePane) {

    public Client {
        Objects.requireNonNull(tty, "tty");
        Objects.requireNonNull(session, "session");
        if (tty.isBlank()) {
            throw new IllegalArgumentException("client tty is blank");
        }
    }
}
