package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.StoreException;
import dev.opensessions.domain.session.SessionOrder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteDataSource;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static dev.opensessions.adapters.persistence.Samples.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Opening the file: migrations, WAL, and clear refusals of files opensessions must not touch. */
class SqliteDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void newFileIsMigratedToTheLatestSchemaInWalMode() throws Exception {
        Path file = dir.resolve("state.db");

        SqliteDatabase database = TestDatabases.open(file);

        assertThat(database.schemaVersion()).isEqualTo(Migrations.latest());
        assertThat(pragma(file, "journal_mode")).isEqualTo("wal");
        assertThat(pragma(file, "application_id")).isEqualTo(String.valueOf(SqliteDatabase.APPLICATION_ID));
    }

    @Test
    void reopeningKeepsTheDataAndDoesNotMigrateAgain() {
        Path file = dir.resolve("state.db");
        SessionOrder order = new SessionOrder(List.of(name("b"), name("a")), Set.of(name("a")));
        new SqliteSessionOrderStore(TestDatabases.open(file), "k").save(order);

        SqliteDatabase reopened = TestDatabases.open(file);

        assertThat(reopened.schemaVersion()).isEqualTo(Migrations.latest());
        assertThat(new SqliteSessionOrderStore(reopened, "k").load()).isEqualTo(order);
    }

    @Test
    void connectionsAreKeptForTheNextWorkButNotAfterAFailureOrOnceClosed() {
        Path file = dir.resolve("state.db");
        AtomicInteger opened = new AtomicInteger();
        SQLiteDataSource plain = TestDatabases.dataSource(file);
        DataSource counting = new DelegatingDataSource(plain) {
            @Override
            public Connection getConnection() throws SQLException {
                opened.incrementAndGet();
                return plain.getConnection();
            }
        };
        SqliteDatabase database = SqliteDatabase.open(counting, file, TestDatabases.SHORT_BUSY_TIMEOUT);
        int afterOpen = opened.get();

        for (int i = 0; i < 10; i++) {
            database.schemaVersion();
        }
        assertThat(opened.get()).isEqualTo(afterOpen);

        assertThatThrownBy(() -> database.read("read a table that is not there", connection -> {
            try (Statement statement = connection.createStatement()) {
                return statement.executeQuery("SELECT * FROM no_such_table").next();
            }
        })).isInstanceOf(StoreException.class);
        database.schemaVersion();
        assertThat(opened.get()).isEqualTo(afterOpen + 1);

        database.close();
        database.schemaVersion();
        database.schemaVersion();
        assertThat(opened.get()).isEqualTo(afterOpen + 3);
    }

    @Test
    void missingFolderIsReportedAndCanBeCreatedFirst() {
        Path file = dir.resolve("not/yet/state.db");

        assertThatThrownBy(() -> TestDatabases.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("does not exist");

        SqliteDatabase.ensureParentDirectory(file);
        assertThat(TestDatabases.open(file).schemaVersion()).isEqualTo(Migrations.latest());
    }

    @Test
    void garbageFileIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("state.db");
        byte[] garbage = new byte[8192];
        Arrays.fill(garbage, (byte) 0x5a);
        Files.write(file, garbage);

        assertThatThrownBy(() -> TestDatabases.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is not a SQLite database");
        assertThat(Files.readAllBytes(file)).isEqualTo(garbage);
        assertThat(dir.resolve("state.db-wal")).doesNotExist();
    }

    @Test
    void damagedDatabaseIsRefusedAndLeftUntouched() throws Exception {
        Path file = databaseWithSomeHistory();
        byte[] damaged = Files.readAllBytes(file);
        Arrays.fill(damaged, 4096, damaged.length, (byte) 0x5a);
        Files.write(file, damaged);

        assertThatThrownBy(() -> TestDatabases.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is damaged");
        assertThat(Files.readAllBytes(file)).isEqualTo(damaged);
    }

    @Test
    void truncatedDatabaseIsRefusedAndLeftUntouched() throws Exception {
        Path file = databaseWithSomeHistory();
        byte[] whole = Files.readAllBytes(file);
        byte[] truncated = Arrays.copyOf(whole, whole.length / 2);
        Files.write(file, truncated);

        assertThatThrownBy(() -> TestDatabases.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("is damaged");
        assertThat(Files.readAllBytes(file)).isEqualTo(truncated);
    }

    @Test
    void databaseFromANewerOpensessionsIsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("state.db");
        TestDatabases.open(file);
        execute(file, "PRAGMA user_version = " + (Migrations.latest() + 1));
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> TestDatabases.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("newer opensessions")
                .hasMessageContaining("schema " + (Migrations.latest() + 1));
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void databaseNotInUtf8IsRefusedAndLeftUntouched() throws Exception {
        Path file = dir.resolve("state.db");
        try (Connection connection = TestDatabases.dataSource(file).getConnection();
             Statement statement = connection.createStatement()) {
            // The encoding of a new file is fixed by its first table.
            statement.execute("PRAGMA encoding = 'UTF-16le'");
            statement.execute("CREATE TABLE other (x)");
        }
        byte[] before = Files.readAllBytes(file);

        assertThatThrownBy(() -> TestDatabases.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("not UTF-8");
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void databaseOfAnotherProgramIsRefused() throws Exception {
        Path file = dir.resolve("state.db");
        execute(file, "PRAGMA application_id = 42");

        assertThatThrownBy(() -> TestDatabases.open(file))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("another program");
        assertThat(pragma(file, "user_version")).isEqualTo("0");
    }

    private Path databaseWithSomeHistory() {
        Path file = dir.resolve("state.db");
        // Closed, as a server that stopped leaves it: the last connection folds the WAL into the file.
        try (SqliteDatabase database = TestDatabases.open(file)) {
            SqliteStatusHistoryStore history = new SqliteStatusHistoryStore(database, "k");
            for (int batch = 0; batch < 5; batch++) {
                int first = batch * 100;
                history.append(IntStream.range(first, first + 100)
                        .mapToObj(i -> Samples.transition("s" + (i % 7), i)).toList());
            }
        }
        return file;
    }

    static String pragma(Path file, String name) throws Exception {
        try (Connection connection = TestDatabases.dataSource(file).getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

    static void execute(Path file, String sql) throws Exception {
        try (Connection connection = TestDatabases.dataSource(file).getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
