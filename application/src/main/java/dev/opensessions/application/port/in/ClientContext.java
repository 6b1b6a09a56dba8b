package dev.opensessions.application.port.in;

import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.WindowId;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a key binding or hook was pressed: the tmux context
 * {@code #{client_tty}|#{session_name}|#{window_id}|#{pane_id}|#{pane_active}}. Every part may be absent
 * when the caller did not know it; a control-mode client has no tty.
 *
 * @param client     the terminal of the client, such as {@code /dev/pts/3}; never blank when present
 * @param paneActive whether the pane was the active pane of its window; false when unknown
 */
public record ClientContext(Optional<String> client, Optional<SessionName> session, Optional<WindowId> window,
                            Optional<PaneId> pane, boolean paneActive) {

    public ClientContext {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(pane, "pane");
        if (client.isPresent() && client.get().isBlank()) {
            throw new IllegalArgumentException("client tty is blank");
        }
    }

    /** No context: the request came from a script that did not say where. */
    public static ClientContext none() {
        return new ClientContext(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), false);
    }

    /** A context where every part is known. */
    public static ClientContext of(String clientTty, SessionName session, WindowId window, PaneId pane,
                                   boolean paneActive) {
        return new ClientContext(Optional.of(clientTty), Optional.of(session), Optional.of(window),
                Optional.of(pane), paneActive);
    }
}
