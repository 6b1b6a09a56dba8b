package dev.opensessions.application.port.in;

import dev.opensessions.domain.session.SessionName;

/** Moves a displayed session up or down in the user's order. */
public interface ReorderSessionUseCase {

    ReorderOutcome reorder(SessionName session, int delta);
}
