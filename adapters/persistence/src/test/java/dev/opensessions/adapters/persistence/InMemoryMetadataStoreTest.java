package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.MetadataStore;

/** Runs the MetadataStore contract against the in-memory fallback. */
class InMemoryMetadataStoreTest extends MetadataStoreContract {

    @Override
    protected MetadataStore store() {
        return new InMemoryStateStores().metadata();
    }
}
