package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.SessionOrderStore;
import dev.opensessions.domain.session.SessionOrder;

import java.util.Objects;

/** Keeps the session order for the life of the process; the value is immutable, so a volatile suffices. */
final class InMemorySessionOrderStore implements SessionOrderStore {

    private volatile SessionOrder order = SessionOrder.empty();

    @Override
    public SessionOrder load() {
        return order;
    }

    @Override
    public void save(SessionOrder value) {
        order = Objects.requireNonNull(value, "order");
    }
}
