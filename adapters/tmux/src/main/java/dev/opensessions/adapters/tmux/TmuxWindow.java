package dev.opensessions.adapters.tmux;

import java.util.Objects;

/**
 * One window in one session (a window linked into two sessions appears once per session).
 *
 * @param active whether it is the current window of that session
 */
public record TmuxWindow(String id, String sessionId, int index, String name, boolean active) {

    public TmuxWindow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(name, "name");
    }
}
