package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.SessionOrderStore;

/** Runs the SessionOrderStore contract against the in-memory fallback. */
class InMemorySessionOrderStoreTest extends SessionOrderStoreContract {

    @Override
    protected SessionOrderStore store() {
        return new InMemoryStateStores().orders();
    }
}
