package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.AgentThreadStore;

/** Runs the AgentThreadStore contract against the in-memory fallback. */
class InMemoryAgentThreadStoreTest extends AgentThreadStoreContract {

    @Override
    protected AgentThreadStore store() {
        return new InMemoryStateStores().threads();
    }
}
