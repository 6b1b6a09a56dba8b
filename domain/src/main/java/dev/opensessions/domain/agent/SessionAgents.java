package dev.opensessions.domain.agent;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The agent rows of one session and the times of its latest agent events (at most 30). */
public record SessionAgents(Map<ThreadKey, AgentThread> threads, List<Instant> eventTimestamps) {

    /** How many event timestamps a session keeps. */
    public static final int MAX_EVENT_TIMESTAMPS = 30;

    public SessionAgents {
        threads = FrozenMap.copyOf(threads);
        eventTimestamps = List.copyOf(eventTimestamps);
    }

    public static SessionAgents empty() {
        return new SessionAgents(FrozenMap.empty(), List.of());
    }

    /** These rows replaced by {@code rows}, and one more event time. */
    SessionAgents withActivity(Map<ThreadKey, AgentThread> rows, Instant ts) {
        List<Instant> times = new ArrayList<>(eventTimestamps.size() + 1);
        times.addAll(eventTimestamps);
        times.add(ts);
        if (times.size() > MAX_EVENT_TIMESTAMPS) {
            times = times.subList(times.size() - MAX_EVENT_TIMESTAMPS, times.size());
        }
        return new SessionAgents(rows, times);
    }

    boolean anyUnseen() {
        return threads.values().stream().anyMatch(AgentThread::unseen);
    }
}
