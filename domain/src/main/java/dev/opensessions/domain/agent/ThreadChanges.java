package dev.opensessions.domain.agent;

import dev.opensessions.domain.session.SessionName;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The status changes and cleared markers between two trackers. Sessions whose rows are the same instance in
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
        for (Map.Entry<SessionName, SessionAgents> entry : after.sessions().entrySet()) {
            SessionAgents old = before.sessions().get(entry.getKey());
            if (old == entry.getValue()) {
                continue;
            }
            for (AgentThread row : entry.getValue().threads().values()) {
                AgentThread previous = old == null ? null : old.threads().get(row.key());
                if (previous == null) {
                    // A row that moved from another session (a rename) is the same thread, not a new one.
                    previous = before.find(row.key()).orElse(null);
                }
                if (previous == row) {
                    continue;
                }
                ThreadChange change = new ThreadChange(previous, row);
                if (change.statusChanged() || change.markerCleared()) {
                    changes.add(change);
                }
            }
        }
        return changes;
    }
}
