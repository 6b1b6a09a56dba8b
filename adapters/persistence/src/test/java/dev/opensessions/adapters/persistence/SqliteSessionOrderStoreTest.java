package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.SessionOrderStore;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Runs the SessionOrderStore contract against a real SQLite file. */
class SqliteSessionOrderStoreTest extends SessionOrderStoreContract {

    @TempDir
    Path dir;

    @Override
    protected SessionOrderStore store() {
        return new SqliteSessionOrderStore(TestDatabases.open(dir.resolve("state.db")), "default");
    }
}
