package dev.opensessions.application.port.out;

import dev.opensessions.domain.session.SessionOrder;

/** Keeps the user's session order and hidden set across restarts. */
public interface SessionOrderStore {

    /** The stored order, or an empty one when nothing was stored yet. */
    SessionOrder load();

    void save(SessionOrder order);
}
