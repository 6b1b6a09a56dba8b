package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.AgentThreadStore;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Runs the AgentThreadStore contract against a real SQLite file. */
class SqliteAgentThreadStoreTest extends AgentThreadStoreContract {

    @TempDir
    Path dir;

    @Override
    protected AgentThreadStore store() {
        return new SqliteAgentThreadStore(TestDatabases.open(dir.resolve("state.db")), "default");
    }
}
