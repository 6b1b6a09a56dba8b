package dev.opensessions.domain.agent;

import java.util.Objects;

/**
 * What one state change did to one agent row: its status changed ({@code before} is null for a new row), it
 * moved to another session, or its unseen marker cleared while the status stayed.
 */
public record ThreadChange(AgentThread before, AgentThread after) {

    public ThreadChange {
        Objects.requireNonNull(after, "after");
    }

    /** The status changed, or the row is new. */
    public boolean statusChanged() {
        return before == null || before.status() != after.status();
    }

    /** The row moved to another session (its session was renamed, or a report named another one). */
    public boolean moved() {
        return before != null && !before.session().equals(after.session());
    }

    /** What a waiter or subscriber may care about: a new status, or the same one in another session. */
    public boolean newlyMatchable() {
        return statusChanged() || moved();
    }

    /** The user looked: the marker cleared and the status stayed. */
    public boolean markerCleared() {
        return before != null && before.status() == after.status() && before.unseen() && !after.unseen();
    }
}
