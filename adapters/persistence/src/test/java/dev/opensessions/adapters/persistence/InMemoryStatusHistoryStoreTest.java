package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.StatusHistoryStore;

/** Runs the StatusHistoryStore contract against the in-memory fallback. */
class InMemoryStatusHistoryStoreTest extends StatusHistoryStoreContract {

    @Override
    protected StatusHistoryStore store() {
        return new InMemoryStateStores().history();
    }
}
