package dev.opensessions.application.port.out;

import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.ThreadKey;

import java.util.List;

/** Keeps agent rows, with their unseen markers, across restarts. */
public interface AgentThreadStore {

    List<AgentThread> loadAll();

    /** Inserts or replaces the row with the thread's key. */
    void save(AgentThread thread);

    void delete(ThreadKey key);
}
