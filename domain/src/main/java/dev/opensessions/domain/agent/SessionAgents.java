package dev.opensessions.domain.agent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The agent rows of one session and the times of its latest agent events (at most 30). */
public record SessionAgents(Map<ThreadKey, AgentThread> threads, List<Instant> eventTimestamps) {

    /** How many event timestamps a session keeps. */
    public static final int MAX_EVENT_TIMESTAMPS = 30;

    public SessionAgents {
        threads = FrozenMap.copyOf(threads);
        eventTimestamps = RecentTimes.copyOf(eventTimestamps);
    }

    private static final SessionAgents EMPTY = new SessionAgents(FrozenMap.empty(), List.of());

    public static SessionAgents empty() {
        return EMPTY;
    }

    /** These rows replaced by {@code rows}, and one more event time. */
    SessionAgents withActivity(Map<ThreadKey, AgentThread> rows, Instant ts) {
        return new SessionAgents(rows, ((RecentTimes) eventTimestamps).plus(ts));
    }

    boolean anyUnseen() {
        for (AgentThread thread : threads.values()) {
            if (thread.unseen()) {
                return true;
            }
        }
        return false;
    }
}
