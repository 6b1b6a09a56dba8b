package dev.opensessions.application.port.out;

import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.ThreadKey;

import java.util.List;

/** Keeps agent rows, with their unseen markers, across restarts. */
public interface AgentThreadStore {

    List<AgentThread> loadAll();

    /** Inserts or replaces the row with the thread's key. */
    void save(AgentThread thread);

    /** Saves every thread; a store that can writes them together (one transaction). */
    default void saveAll(List<AgentThread> threads) {
        threads.forEach(this::save);
    }

    void delete(ThreadKey key);
}
