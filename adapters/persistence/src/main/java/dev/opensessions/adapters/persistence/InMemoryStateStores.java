package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.AgentThreadStore;
import dev.opensessions.application.port.out.MetadataStore;
import dev.opensessions.application.port.out.SessionOrderStore;
import dev.opensessions.application.port.out.StatusHistoryStore;

/**
 * The four state stores kept in memory, thread-safe, for when the database cannot be opened: the server
 * keeps its order, metadata, agents and history for the life of the process.
 */
public final class InMemoryStateStores {

    private final SessionOrderStore orders = new InMemorySessionOrderStore();
    private final MetadataStore metadata = new InMemoryMetadataStore();
    private final AgentThreadStore threads = new InMemoryAgentThreadStore();
    private final StatusHistoryStore history = new InMemoryStatusHistoryStore();
    private final ImportLedger importLedger = new InMemoryImportLedger();

    public SessionOrderStore orders() {
        return orders;
    }

    public MetadataStore metadata() {
        return metadata;
    }

    public AgentThreadStore threads() {
        return threads;
    }

    public StatusHistoryStore history() {
        return history;
    }

    /** Forgets on exit, so a file import runs again on the next start; harmless, it only fills an empty order. */
    public ImportLedger importLedger() {
        return importLedger;
    }
}
