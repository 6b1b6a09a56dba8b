package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.StoreException;
import dev.opensessions.domain.session.SessionOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;

import static dev.opensessions.adapters.persistence.Samples.fullThread;
import static dev.opensessions.adapters.persistence.Samples.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Writes that cannot happen (read-only file, another process's lock) fail as clear StoreExceptions. */
class SqliteFailureModesTest {

    @TempDir
    Path dir;

    @Test
    void readOnlyDatabaseStillReadsButRefusesWrites() {
        Path file = dir.resolve("state.db");
        SessionOrder order = new SessionOrder(List.of(name("a"), name("b")), Set.of());
        new SqliteSessionOrderStore(TestDatabases.open(file), "k").save(order);

        // Tests run as root, which ignores file modes, so the connection itself is opened read-only.
        SqliteDatabase readOnly = SqliteDatabase.open(TestDatabases.readOnlyDataSource(file), file,
                TestDatabases.SHORT_BUSY_TIMEOUT);
        SqliteSessionOrderStore store = new SqliteSessionOrderStore(readOnly, "k");

        assertThat(store.load()).isEqualTo(order);
        assertThatThrownBy(() -> store.save(SessionOrder.empty()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("cannot save the session order")
                .hasMessageContaining(file.toString())
                .hasMessageContaining("read-only");
        assertThatThrownBy(() -> new SqliteAgentThreadStore(readOnly, "k").save(fullThread()))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("read-only");
        assertThat(store.load()).isEqualTo(order);
    }

    @Test
    void writeFailsAfterTheBusyTimeoutWhileAnotherProcessHoldsTheLock() throws Exception {
        Path file = dir.resolve("state.db");
        SqliteSessionOrderStore store = new SqliteSessionOrderStore(TestDatabases.open(file), "k");
        SessionOrder before = new SessionOrder(List.of(name("kept")), Set.of());
        store.save(before);

        try (Connection other = TestDatabases.dataSource(file).getConnection();
             Statement lock = other.createStatement()) {
            lock.execute("BEGIN EXCLUSIVE");
            long start = System.nanoTime();

            assertThatThrownBy(() -> store.save(SessionOrder.empty()))
                    .isInstanceOf(StoreException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("locked by another process for "
                            + TestDatabases.SHORT_BUSY_TIMEOUT.toMillis() + " ms");
            long waitedMillis = (System.nanoTime() - start) / 1_000_000;
            // Bounded above too: sqlite-jdbc's own default would wait 3 s, so this proves ours is applied.
            assertThat(waitedMillis).isBetween(TestDatabases.SHORT_BUSY_TIMEOUT.toMillis() - 50, 2_500L);
            lock.execute("ROLLBACK");
        }
        assertThat(store.load()).isEqualTo(before);
    }
}
