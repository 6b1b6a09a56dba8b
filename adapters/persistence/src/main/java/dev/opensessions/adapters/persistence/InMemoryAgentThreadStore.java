package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.AgentThreadStore;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.ThreadKey;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentSkipListMap;

/** Keeps agent threads for the life of the process, listed by thread key like the SQLite store. */
final class InMemoryAgentThreadStore implements AgentThreadStore {

    private final Map<String, AgentThread> threads = new ConcurrentSkipListMap<>();

    @Override
    public List<AgentThread> loadAll() {
        return List.copyOf(threads.values());
    }

    @Override
    public void save(AgentThread thread) {
        Objects.requireNonNull(thread, "thread");
        threads.put(thread.key().value(), thread);
    }

    @Override
    public void delete(ThreadKey key) {
        Objects.requireNonNull(key, "key");
        threads.remove(key.value());
    }
}
