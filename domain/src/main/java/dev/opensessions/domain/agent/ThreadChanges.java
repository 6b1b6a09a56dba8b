package dev.opensessions.domain.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * The status changes, moves between sessions and cleared markers between two trackers. Sessions whose rows are the same instance in
 * both are skipped, so the cost follows what changed (usually one session's rows), not the whole tracker.
 */
public final class ThreadChanges {

    private ThreadChanges() {
    }

    public static List<ThreadChange> between(AgentTracker before, AgentTracker after) {
        if (before == after) {
            return List.of();
        }
        List<ThreadChange> changes = new ArrayList<>();
        // forEach, not a walk of the entry set: no object per session on every event.
        after.sessions().forEach((name, agents) -> {
            SessionAgents old = before.sessions().get(name);
            if (old != agents) {
                collect(before, old, agents, changes);
            }
        });
        return changes;
    }

    private static void collect(AgentTracker before, SessionAgents old, SessionAgents agents, List<ThreadChange> changes) {
        for (AgentThread row : agents.threads().values()) {
            AgentThread previous = old == null ? null : old.threads().get(row.key());
            if (previous == null) {
                // A row that moved from another session (a rename) is the same thread, not a new one.
                previous = before.find(row.key()).orElse(null);
            }
            if (previous == row) {
                continue;
            }
            ThreadChange change = new ThreadChange(previous, row);
            if (change.newlyMatchable() || change.markerCleared()) {
                changes.add(change);
            }
        }
    }
}
