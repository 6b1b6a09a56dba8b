package dev.opensessions.domain.agent;

import java.util.Objects;

/**
 * What one state change did to one agent row: its status changed ({@code before} is null for a new row), or
 * its unseen marker cleared while the status stayed.
 */
public record ThreadChange(AgentThread before, AgentThread after) {

    public ThreadChange {
        Objects.requireNonNull(after, "after");
    }

    /** The status changed, or the row is new. */
    public boolean statusChanged() {
        return before == null || before.status() != after.status();
    }

    /** The user looked: the marker cleared and the status stayed. */
    public boolean markerCleared() {
        return before != null && before.status() == after.status() && before.unseen() && !after.unseen();
    }
}
