package dev.opensessions.domain.agent;

import dev.opensessions.domain.session.SessionName;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * How long agents waited for the user over a period, per session, per agent and in total; maps sorted by
 * name. {@link WaitStatistics} says what counts as a wait.
 */
public record WaitReport(Instant since, Instant until, Map<SessionName, WaitFigures> sessions,
                         Map<String, WaitFigures> agents, WaitFigures total) {

    public WaitReport {
        Objects.requireNonNull(since, "since");
        Objects.requireNonNull(until, "until");
        sessions = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(sessions));
        agents = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(agents));
        Objects.requireNonNull(total, "total");
    }

    /** The figures of one session; none when it did not wait or work in the period. */
    public WaitFigures session(SessionName session) {
        return sessions.getOrDefault(session, WaitFigures.NONE);
    }
}
