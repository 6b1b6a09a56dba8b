package dev.opensessions.server;

import dev.opensessions.application.port.out.AgentThreadStore;
import dev.opensessions.application.port.out.MetadataStore;
import dev.opensessions.application.port.out.SessionOrderStore;
import dev.opensessions.application.port.out.StatusHistoryStore;

import java.util.Objects;

/** The four durable stores the core writes to, whichever adapter provides them. */
record StateStores(SessionOrderStore order, MetadataStore metadata, AgentThreadStore threads,
                   StatusHistoryStore history) {

    StateStores {
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(threads, "threads");
        Objects.requireNonNull(history, "history");
    }
}
