package dev.opensessions.adapters.persistence;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write-ahead log is copied into the file by checkpoints off the commit path, and stays bounded through a burst
 * those cannot keep up with (on a real file: the file grows only when a checkpoint copies pages into it).
 */
class SqliteCheckpointTest {

    /** A row of about one page, so a commit writes a page or two to the log. */
    private static final int ROW_BYTES = 3_000;
    /** The size of one frame of the log: its header and one page (the default page size). */
    private static final long FRAME_BYTES = 24 + 4096;

    @TempDir
    Path dir;

    private SqliteDatabase database;

    @AfterEach
    void close() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void theLogIsCopiedIntoTheFileAfterABurstWithoutWaitingForItsBound() throws Exception {
        Path file = dir.resolve("state.db");
        database = TestDatabases.open(file);
        createFillerTable();
        long before = Files.size(file);

        commitRows(SqliteDatabase.COMMITS_PER_CHECKPOINT);

        // Well under the bound: only the checkpoint started after these commits copies their pages into the file.
        assertThat(walFrames(file)).isLessThan(SqliteDatabase.WAL_BOUND_PAGES / 2);
        long copied = before + (long) (SqliteDatabase.COMMITS_PER_CHECKPOINT - 10) * ROW_BYTES;
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Files.size(file) < copied && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
        }
        assertThat(Files.size(file)).as("the database file once a checkpoint ran").isGreaterThanOrEqualTo(copied);
    }

    @Test
    void theLogStaysWithinItsBoundThroughABurstTheCheckpointsCannotCatchUpWith() {
        Path file = dir.resolve("state.db");
        database = TestDatabases.open(file);
        createFillerTable();

        // Commits back to back (two pages each): a checkpoint beside them never finds the log without a newer commit,
        // so SQLite would never start the log again from its beginning without the bound on the commit path. That one
        // finds the log busy while a checkpoint beside it runs, and is tried again at every commit until it gets it:
        // the log may pass the bound by what is committed meanwhile.
        commitRows(3 * SqliteDatabase.WAL_BOUND_PAGES);

        assertThat(walFrames(file)).isLessThan(2L * SqliteDatabase.WAL_BOUND_PAGES);
    }

    private void createFillerTable() {
        database.write("create the filler table", connection -> {
            Pragmas.execute(connection, "CREATE TABLE filler (id INTEGER PRIMARY KEY, payload BLOB NOT NULL)");
            return null;
        });
    }

    private void commitRows(int commits) {
        byte[] payload = new byte[ROW_BYTES];
        for (int i = 0; i < commits; i++) {
            database.write("add a row", connection -> {
                PreparedStatement insert = database.statement(connection, "INSERT INTO filler (payload) VALUES (?)");
                insert.setBytes(1, payload);
                insert.executeUpdate();
                return null;
            });
        }
    }

    /** The frames the log file has room for: its largest size so far, since SQLite reuses it from its beginning. */
    private static long walFrames(Path file) {
        try {
            return (Files.size(file.resolveSibling(file.getFileName() + "-wal")) - 32) / FRAME_BYTES;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
