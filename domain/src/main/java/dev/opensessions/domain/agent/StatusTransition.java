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

    /**
     * Written out because the notification gate looks every transition up in a set of those it told, on every agent
     * event's path: the record's generated {@code equals} and {@code hashCode} run through method handles, which the
     * server's client compiler (C1) does not inline. The same results as the generated ones.
     */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof StatusTransition that && unseen == that.unseen && from == that.from
                && to == that.to && thread.equals(that.thread) && at.equals(that.at) && session.equals(that.session);
    }

    @Override
    public int hashCode() {
        int hash = session.hashCode();
        hash = 31 * hash + thread.hashCode();
        hash = 31 * hash + Objects.hashCode(from);
        hash = 31 * hash + to.hashCode();
        hash = 31 * hash + at.hashCode();
        return 31 * hash + Boolean.hashCode(unseen);
    }
}
