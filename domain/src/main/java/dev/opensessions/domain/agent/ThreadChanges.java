package dev.opensessions.domain.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * The status changes, moves between sessions and cleared markers between two trackers. Rows and sessions that are the same instance in
 * both are skipped, so the cost follows what changed (usually one row), not the whole tracker.
 */
public final class ThreadChanges {

    private ThreadChanges() {
    }

    public static List<ThreadChange> between(AgentTracker before, AgentTracker after) {
        if (before == after) {
            return List.of();
        }
        List<ThreadChange> changes = new ArrayList<>(2);
        // Only the rows that are not the same instance in both: what the trackers share is not looked at.
        after.forEachChangedRow(before, (key, was, row) -> {
            if (row == null) {
                return;
            }
            // A row that moved from another session (a rename) is the same thread, not a new one.
            AgentThread previous = was != null ? was : before.find(key).orElse(null);
            if (previous == row) {
                return;
            }
            ThreadChange change = new ThreadChange(previous, row);
            if (change.newlyMatchable() || change.markerCleared()) {
                changes.add(change);
            }
        });
        return changes;
    }
}
