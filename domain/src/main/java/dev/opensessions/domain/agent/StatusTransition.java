package dev.opensessions.domain.agent;

import dev.opensessions.domain.session.SessionName;

import java.time.Instant;
import java.util.Objects;

/** One change of an agent thread's status, kept as history; {@code from} is null for a new thread. */
public record StatusTransition(SessionName session, ThreadKey thread, AgentStatus from, AgentStatus to, Instant at) {

    public StatusTransition {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(thread, "thread");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(at, "at");
    }
}
