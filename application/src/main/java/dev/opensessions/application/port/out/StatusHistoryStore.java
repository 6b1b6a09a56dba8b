package dev.opensessions.application.port.out;

import dev.opensessions.domain.agent.StatusTransition;
import dev.opensessions.domain.session.SessionName;

import java.util.List;

/** Keeps a bounded history of agent status transitions. */
public interface StatusHistoryStore {

    /** How many transitions are kept per session; older ones are dropped. */
    int CAPACITY_PER_SESSION = 500;

    void append(List<StatusTransition> transitions);

    /** The newest transitions of a session, newest first, at most {@code limit}. */
    List<StatusTransition> recent(SessionName session, int limit);
}
