package dev.opensessions.application.port.in;

import java.util.Objects;
import java.util.Optional;

/**
 * Where a key binding or hook was pressed: the tmux context
 * {@code #{client_tty}|#{session_name}|#{window_id}|#{pane_id}|#{pane_active}}. Every part may be empty
 * when the caller did not know it; a control-mode client has an empty tty.
 */
public record ClientContext(String clientTty, String session, String windowId, String paneId, boolean paneActive) {

    public ClientContext {
        Objects.requireNonNull(clientTty, "clientTty");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(windowId, "windowId");
        Objects.requireNonNull(paneId, "paneId");
    }

    /** No context: the request came from a script that did not say where. */
    public static ClientContext none() {
        return new ClientContext("", "", "", "", false);
    }

    public Optional<String> client() {
        return Optional.of(clientTty).filter(tty -> !tty.isBlank());
    }

    public Optional<String> window() {
        return Optional.of(windowId).filter(id -> !id.isBlank());
    }
}
