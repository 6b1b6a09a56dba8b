package dev.opensessions.domain.agent;

import dev.opensessions.domain.session.SessionName;

import java.time.Instant;
import java.util.Objects;

/**
 * One change of an agent thread's status, kept as history; {@code from} is null for a new thread, and
 * {@code unseen} says whether the change left the thread's unseen marker set (a finished turn the user was
 * not looking at).
 */
public record StatusTransition(SessionName session, ThreadKey thread, AgentStatus from, AgentStatus to, Instant at,
                               boolean unseen) {

    public StatusTransition {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
    }

    /** A change that left no unseen marker. */
    public StatusTransition(SessionName session, ThreadKey thread, AgentStatus from, AgentStatus to, Instant at) {
        this(session, thread, from, to, at, false);
    }
}
