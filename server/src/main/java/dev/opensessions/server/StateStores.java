package dev.opensessions.server;

import dev.opensessions.application.port.out.AgentThreadStore;
import dev.opensessions.application.port.out.MetadataStore;
import dev.opensessions.application.port.out.SessionOrderStore;
import dev.opensessions.application.port.out.StatusHistoryStore;
import dev.opensessions.application.port.out.StoreTransactions;

import java.util.Objects;

/** The four durable stores the core writes to, whichever adapter provides them, and how to group their writes. */
record StateStores(SessionOrderStore order, MetadataStore metadata, AgentThreadStore threads,
                   StatusHistoryStore history, StoreTransactions transactions) {

    StateStores {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(threads, "threads");
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(transactions, "transactions");
    }
}
