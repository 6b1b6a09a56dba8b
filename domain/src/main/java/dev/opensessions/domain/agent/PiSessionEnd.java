package dev.opensessions.domain.agent;

import java.util.Objects;
import java.util.Optional;

/**
 * What the end of a Pi session's last process does to its row: one still running, tool-running or waiting
 * can no longer finish, so it becomes stale; any other row (idle or finished) stays exactly as it is.
 */
public final class PiSessionEnd {

    private PiSessionEnd() {
    }

    /**
     * The report that makes the row stale, empty when the row stays. It carries the row's own time, so a
     * report that reached the row meanwhile is newer and stands.
     */
    public static Optional<AgentEvent> staleReport(AgentThread row) {
        Objects.requireNonNull(row, "row");
        if (!AgentTruth.open(row.status())) {
            return Optional.empty();
        }
        return Optional.of(new AgentEvent(row.agent(), AgentStatus.STALE, row.updatedAt(), row.threadId(), null,
                null, null, null, null));
    }
}
