package dev.opensessions.application.port.in;

import dev.opensessions.domain.session.SessionName;

/** Empties a session's log ring. */
public interface ClearLogUseCase {

    void clearLog(SessionName session);
}
