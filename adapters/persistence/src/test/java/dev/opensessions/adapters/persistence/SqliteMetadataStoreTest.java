package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.MetadataStore;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

/** Runs the MetadataStore contract against a real SQLite file. */
class SqliteMetadataStoreTest extends MetadataStoreContract {

    @TempDir
    Path dir;

    @Override
    protected MetadataStore store() {
        return new SqliteMetadataStore(TestDatabases.open(dir.resolve("state.db")), "default");
    }
}
