package dev.opensessions.application.port.in;

import dev.opensessions.domain.agent.StatusTransition;
import dev.opensessions.domain.session.SessionName;

import java.util.List;

/** Reads the recent agent status transitions of a session, newest first. */
public interface ReadAgentHistoryUseCase {

    List<StatusTransition> history(SessionName session, int limit);
}
