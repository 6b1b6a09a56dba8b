package dev.opensessions.adapters.tmux;

import java.time.Instant;
import java.util.Objects;

/**
 * A user's tmux client (a terminal attached to the server); control-mode clients are never listed.
 *
 * @param tty       the client's terminal, which {@code switch-client -c} takes
 * @param sessionId the session it shows ({@code $3}), empty while it has none
 */
public record TmuxClient(String tty, String sessionId, Instant activity, int width, int height) {

    public TmuxClient {
        Objects.requireNonNull(tty, "tty");
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(activity, "activity");
    }
}
