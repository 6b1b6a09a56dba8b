package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.MetadataStore;
import dev.opensessions.domain.metadata.SessionMetadata;
import dev.opensessions.domain.session.SessionName;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps pushed session metadata for the life of the process. */
final class InMemoryMetadataStore implements MetadataStore {

    private final Map<SessionName, SessionMetadata> metadata = new ConcurrentHashMap<>();

    @Override
    public Map<SessionName, SessionMetadata> loadAll() {
        return Map.copyOf(metadata);
    }

    @Override
    public void save(SessionName session, SessionMetadata value) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(value, "metadata");
        if (value.isEmpty()) {
            metadata.remove(session);
        } else {
            metadata.put(session, value);
        }
    }
}
