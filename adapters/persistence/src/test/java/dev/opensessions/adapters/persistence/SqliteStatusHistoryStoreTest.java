package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.StatusHistoryStore;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Runs the StatusHistoryStore contract against a real SQLite file. */
class SqliteStatusHistoryStoreTest extends StatusHistoryStoreContract {

    @TempDir
    Path dir;

    @Override
    protected StatusHistoryStore store() {
        return new SqliteStatusHistoryStore(TestDatabases.open(dir.resolve("state.db")), "default");
    }
}
