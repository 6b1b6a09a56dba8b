package dev.opensessions.application.port.in;

import dev.opensessions.domain.session.SessionName;

import java.util.List;

/** Moves a displayed session up or down in the user's order. */
public interface ReorderSessionUseCase {

    ReorderOutcome reorder(SessionName session, int delta);

    /**
     * Puts the named sessions in this order, as the user sees them (a group moved as a block, a drag);
     * sessions left out keep their places after them. Unknown names are ignored.
     */
    void arrange(List<SessionName> order);
}
