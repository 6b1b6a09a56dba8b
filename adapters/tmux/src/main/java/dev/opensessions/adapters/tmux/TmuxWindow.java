package dev.opensessions.adapters.tmux;

import java.util.Objects;

/**
 * One window in one session (a window linked into two sessions appears once per session).
 *
 * @param active whether it is the current window of that session
 * @param width  its width in cells
 */
public record TmuxWindow(String id, String sessionId, int index, String name, boolean active, int width) {

    public TmuxWindow {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(name, "name");
    }
}
