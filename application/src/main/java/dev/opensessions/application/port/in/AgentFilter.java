package dev.opensessions.application.port.in;

import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.session.SessionName;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which agent rows a waiter or a subscriber cares about: a session (null for any), an agent name (null for
 * any), a thread (its id, or its key {@code agent:threadId}; null for any) and the statuses (empty for any).
 */
public record AgentFilter(SessionName session, String agent, String thread, Set<AgentStatus> statuses) {

    public AgentFilter {
        statuses = statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
    }

    /** The row is of this filter's session, agent and thread, whatever its status. */
    public boolean selects(AgentThread row) {
        return (session == null || session.equals(row.session()))
                && (agent == null || agent.equals(row.agent()))
                && (thread == null || thread.equals(row.threadId()) || thread.equals(row.key().value()));
    }

    /** The row is selected and in one of the statuses. */
    public boolean matches(AgentThread row) {
        return selects(row) && (statuses.isEmpty() || statuses.contains(row.status()));
    }
}
