package dev.opensessions.application.state;

import java.util.Objects;

/**
 * What one command did to the state: the next state (the same instance when nothing changed) and the
 * outcome to hand back to the caller.
 */
public record Change<R>(ServerState state, R result) {

    public Change {
        Objects.requireNonNull(state, "state");
    }

    public static <R> Change<R> of(ServerState state, R result) {
        return new Change<>(state, result);
    }
}
