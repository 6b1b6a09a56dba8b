package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.StoreException;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The opensessions SQLite file, checked and migrated once on open; hands the stores connections that
 * wait for locks and enforce foreign keys, and turns every SQLException into a StoreException. It keeps
 * the connections it opened for the next work (one each for the few threads that use it at once: the
 * group-commit writer, a reader now and then), so the data source needs no pool.
 */
public final class SqliteDatabase implements AutoCloseable {

    /** Connections kept open between works; more than the writer and one reader are closed after use. */
    static final int KEPT_CONNECTIONS = 2;

    /**
     * The write-ahead log's bound, in pages: SQLite's own checkpoint (every connection's {@code wal_autocheckpoint})
     * runs in the {@code COMMIT} that finds the log this long, so it holds the commit and every acknowledgement waiting
     * for it (two {@code fsync}s, milliseconds). The checkpoints started every {@link #COMMITS_PER_CHECKPOINT} commits
     * keep the log copied into the file off the commit path; this bound is met only when those cannot catch up (a long
     * burst: SQLite starts the log again from its beginning only after a checkpoint that found no commit after it).
     * While a checkpoint beside it runs, the one on the commit path finds the log busy and is tried again at the next
     * commit, so the log may pass the bound by what is committed during one checkpoint.
     */
    static final int WAL_BOUND_PAGES = 4_000;

    /**
     * Commits after which a checkpoint runs on a thread of its own, beside the commits (about 1 000 pages of the log
     * at three pages a commit, the size at which SQLite would checkpoint by itself).
     */
    static final int COMMITS_PER_CHECKPOINT = 300;

    /** How long the checkpoint thread outlives its last checkpoint: it exists during bursts only. */
    private static final long CHECKPOINT_THREAD_KEPT_SECONDS = 5;

    /** How long a write waits for another process's lock before it fails. */
    public static final Duration DEFAULT_BUSY_TIMEOUT = Duration.ofSeconds(5);

    // "oses": marks the file as ours, so a database of another program at our path is refused, not altered.
    static final int APPLICATION_ID = 0x6f736573;

    private final DataSource dataSource;
    private final Path file;
    private final Duration busyTimeout;
    /** The connection of the transaction this thread runs in {@link #inOneTransaction}, if any. */
    private final ThreadLocal<Connection> transaction = new ThreadLocal<>();
    /** Open connections no work uses right now, newest last. */
    private final Deque<Connection> idle = new ArrayDeque<>();
    /** Statements {@link #statement} prepared, by connection and SQL text; guarded by itself. */
    private final Map<Connection, Map<String, PreparedStatement>> prepared = new IdentityHashMap<>();
    private boolean closed;
    /** Runs the checkpoints off the commit path, one at a time; its thread ends when idle. */
    private final ThreadPoolExecutor checkpoints = new ThreadPoolExecutor(0, 1, CHECKPOINT_THREAD_KEPT_SECONDS,
            TimeUnit.SECONDS, new LinkedBlockingQueue<>(), work -> {
        Thread thread = new Thread(work, "opensessions-checkpoint");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger commitsSinceCheckpoint = new AtomicInteger();
    private final AtomicBoolean checkpointing = new AtomicBoolean();
    /** Counts transactions that did not commit, so what a store remembers of the file can be dropped. */
    private final java.util.concurrent.atomic.AtomicLong failedTransactions = new java.util.concurrent.atomic.AtomicLong();

    private SqliteDatabase(DataSource dataSource, Path file, Duration busyTimeout) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        this.file = Objects.requireNonNull(file, "file");
        this.busyTimeout = Objects.requireNonNull(busyTimeout, "busyTimeout");
        if (busyTimeout.isNegative()) {
            throw new IllegalArgumentException("busy timeout is negative");
        }
    }

    /**
     * Opens the database behind {@code dataSource} (whose URL points at {@code file}, named in messages):
     * checks it, switches it to WAL and applies pending migrations in one transaction.
     *
     * @throws StoreException when the file is not a database, is damaged, is from a newer opensessions,
     *                        belongs to another program, or cannot be opened or migrated
     */
    public static SqliteDatabase open(DataSource dataSource, Path file, Duration busyTimeout) {
        SqliteDatabase database = new SqliteDatabase(dataSource, file, busyTimeout);
        database.prepare();
        return database;
    }

    public static SqliteDatabase open(DataSource dataSource, Path file) {
        return open(dataSource, file, DEFAULT_BUSY_TIMEOUT);
    }

    /**
     * Creates the folder that will hold {@code file} (sqlite-jdbc does not create it) and the empty file
     * itself, readable by the user only: it holds the users' prompts. SQLite gives its WAL and shared-memory
     * files the mode of the database file.
     */
    public static void ensureParentDirectory(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(parent);
            PrivateFiles.createOrRestrict(file);
        } catch (IOException failure) {
            throw new StoreException("cannot create the folder " + parent + " for the database " + file
                    + ": " + failure, failure);
        }
    }

    /**
     * Runs the work in one IMMEDIATE transaction: every store write it makes on this thread joins it, and
     * all of them are committed together or rolled back together (group commit).
     */
    public void inOneTransaction(Runnable work) {
        if (transaction.get() != null) {
            work.run();
            return;
        }
        write("commit the pending changes", connection -> {
            transaction.set(connection);
            try {
                work.run();
            } finally {
                transaction.remove();
            }
            return null;
        });
    }

    /**
     * How many write transactions failed (rolled back or not committed) so far: a store that keeps a figure about
     * the file in memory compares this number to know whether a write it counted may have been undone.
     */
    long failedTransactions() {
        return failedTransactions.get();
    }

    public Path file() {
        return file;
    }

    /** The schema version the file is at. */
    public int schemaVersion() {
        return read("read the schema version", connection -> Pragmas.integer(connection, "user_version"));
    }

    <T> T read(String action, SqlWork<T> work) {
        Connection joined = transaction.get();
        if (joined != null) {
            try {
                return work.run(joined);
            } catch (SQLException failure) {
                throw SqliteFailures.translate(failure, file, busyTimeout, action);
            }
        }
        Connection connection = null;
        boolean healthy = false;
        try {
            connection = connect();
            T result = work.run(connection);
            healthy = true;
            return result;
        } catch (SQLException failure) {
            throw SqliteFailures.translate(failure, file, busyTimeout, action);
        } catch (IllegalArgumentException invalid) {
            throw new StoreException("cannot " + action + ": the database " + file
                    + " holds a row opensessions cannot read: " + invalid.getMessage(), invalid);
        } finally {
            if (connection != null) {
                release(connection, healthy);
            }
        }
    }

    /**
     * The statement for {@code sql} on this connection, prepared on its first use and kept with the connection until
     * it is closed: the group commit runs the same few statements on the same connection hundreds of times a second,
     * and preparing each anew for every commit was about a tenth of the store writer's CPU. For writes run as a batch
     * or with {@code execute}, or a query whose result the caller closes; the caller does not close the statement and
     * sets every parameter it binds.
     */
    PreparedStatement statement(Connection connection, String sql) throws SQLException {
        Map<String, PreparedStatement> statements;
        synchronized (prepared) {
            statements = prepared.computeIfAbsent(connection, opened -> new HashMap<>());
        }
        PreparedStatement statement = statements.get(sql);
        if (statement == null || statement.isClosed()) {
            statement = connection.prepareStatement(sql);
            statements.put(sql, statement);
        }
        return statement;
    }

    /**
     * Closes the connections kept open (the last one SQLite closes folds the write-ahead log into the file); a work
     * that still runs closes its own when it ends. A checkpoint under way is let finish, for up to a second.
     */
    @Override
    public void close() {
        checkpoints.shutdown();
        try {
            checkpoints.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        List<Connection> open;
        synchronized (idle) {
            closed = true;
            open = List.copyOf(idle);
            idle.clear();
        }
        open.forEach(this::closeQuietly);
    }

    /** Runs the work in one IMMEDIATE transaction, so it waits for the write lock up front. */
    <T> T write(String action, SqlWork<T> work) {
        if (transaction.get() != null) {
            return read(action, work);
        }
        return read(action, connection -> {
            statement(connection, "BEGIN IMMEDIATE").execute();
            try {
                T result = work.run(connection);
                statement(connection, "COMMIT").execute();
                committed();
                return result;
            } catch (SQLException | RuntimeException failure) {
                failedTransactions.incrementAndGet();
                try {
                    Pragmas.execute(connection, "ROLLBACK");
                } catch (SQLException rollback) {
                    failure.addSuppressed(rollback);
                }
                throw failure;
            }
        });
    }

    /** Counts a commit; every {@link #COMMITS_PER_CHECKPOINT} commits, starts a checkpoint off the commit path. */
    private void committed() {
        if (commitsSinceCheckpoint.incrementAndGet() >= COMMITS_PER_CHECKPOINT && checkpointing.compareAndSet(false, true)) {
            commitsSinceCheckpoint.set(0);
            try {
                checkpoints.execute(this::checkpoint);
            } catch (RejectedExecutionException closed) {
                checkpointing.set(false);
            }
        }
    }

    /**
     * Copies the write-ahead log into the file as far as no reader needs it, without waiting for any lock (PASSIVE:
     * the writer goes on committing meanwhile, and so do other servers sharing the file). One that fails or finds the
     * log busy is simply not done: the next one, or the bound on the commit path ({@link #WAL_BOUND_PAGES}), copies
     * what it left; a full disk is the writer's to report. It runs on a connection opened for it and closed after,
     * not on a kept one: it starts as the writer's commit ends, and would take the writer's connection (the newest
     * kept), leaving the writer to fill the other one's statements and page cache.
     */
    private void checkpoint() {
        try (Connection connection = open()) {
            Pragmas.text(connection, "wal_checkpoint(PASSIVE)");
        } catch (SQLException | RuntimeException failed) {
            // Left to the next checkpoint, see above.
        } finally {
            checkpointing.set(false);
        }
    }

    private void prepare() {
        Path folder = file.toAbsolutePath().getParent();
        if (folder != null && !Files.isDirectory(folder)) {
            throw new StoreException("cannot open the database " + file + ": its folder " + folder
                    + " does not exist; create it first (see ensureParentDirectory)", null);
        }
        int found = read("open the database", connection -> {
            // Reads come first: a garbage, foreign, newer or damaged file must be refused before any write.
            int version = Pragmas.integer(connection, "user_version");
            int applicationId = Pragmas.integer(connection, "application_id");
            if (applicationId != 0 && applicationId != APPLICATION_ID) {
                throw new StoreException(file + " is a SQLite database of another program; opensessions"
                        + " leaves it untouched. Move it away or point opensessions at another file", null);
            }
            if (version > Migrations.latest()) {
                throw new StoreException("the database " + file + " was written by a newer opensessions"
                        + " (schema " + version + ", this version knows up to " + Migrations.latest()
                        + "); it is left untouched. Upgrade opensessions or move the file away", null);
            }
            checkIntegrity(connection);
            // The stores bind their texts as UTF-8 bytes that SQL casts to text in the file's encoding.
            String encoding = Pragmas.text(connection, "encoding");
            if (!"UTF-8".equalsIgnoreCase(encoding)) {
                throw new StoreException("the database " + file + " is encoded in " + encoding + ", not UTF-8 as"
                        + " opensessions creates it; it is left untouched. Move it away to start with a fresh one", null);
            }
            if (!"wal".equalsIgnoreCase(Pragmas.text(connection, "journal_mode"))) {
                Pragmas.text(connection, "journal_mode = WAL");
            }
            return version;
        });
        if (found == Migrations.latest()) {
            return;
        }
        write("migrate the schema", connection -> {
            // Re-read inside the lock: another server may have migrated since.
            int version = Pragmas.integer(connection, "user_version");
            if (version < Migrations.latest()) {
                Migrations.apply(connection, version);
                Pragmas.execute(connection, "PRAGMA application_id = " + APPLICATION_ID);
                Pragmas.execute(connection, "PRAGMA user_version = " + Migrations.latest());
            }
            return null;
        });
    }

    private void checkIntegrity(Connection connection) throws SQLException {
        String verdict = Pragmas.text(connection, "quick_check");
        if (!"ok".equalsIgnoreCase(verdict)) {
            // quick_check lists every broken page; the first finding is enough to tell the user.
            String finding = verdict.lines().filter(line -> !line.startsWith("***")).findFirst().orElse(verdict);
            throw new StoreException("the database " + file + " is damaged (" + finding + "); opensessions"
                    + " leaves it untouched. Move it away to start with a fresh one", null);
        }
    }

    private Connection connect() throws SQLException {
        synchronized (idle) {
            Connection kept = idle.pollLast();
            if (kept != null) {
                return kept;
            }
        }
        return open();
    }

    /**
     * Keeps the connection for the next work, unless the work failed on it (a connection in an unknown state
     * is never reused), enough are kept already, or the database was closed.
     */
    private void release(Connection connection, boolean healthy) {
        if (healthy) {
            synchronized (idle) {
                if (!closed && idle.size() < KEPT_CONNECTIONS) {
                    idle.addLast(connection);
                    return;
                }
            }
        }
        closeQuietly(connection);
    }

    private void closeQuietly(Connection connection) {
        synchronized (prepared) {
            prepared.remove(connection);
        }
        try {
            connection.close();
        } catch (SQLException ignored) {
            // Nothing is pending on it: every work commits or rolls back before its connection is released.
        }
    }

    private Connection open() throws SQLException {
        Connection connection = dataSource.getConnection();
        try {
            // A pool may hand out connections in manual-commit mode; write() manages its own transaction.
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            // These settings are per connection, so every connection opened gets them.
            Pragmas.execute(connection, "PRAGMA busy_timeout = " + busyTimeout.toMillis());
            Pragmas.execute(connection, "PRAGMA foreign_keys = ON");
            // In WAL mode a commit is then in the file when COMMIT returns, safe from a crash of the server;
            // only a power loss may take the last commits (FULL would add an fsync to every group commit).
            Pragmas.execute(connection, "PRAGMA synchronous = NORMAL");
            // The checkpoints run off the commit path (checkpoint()); SQLite's own only at the bound.
            Pragmas.execute(connection, "PRAGMA wal_autocheckpoint = " + WAL_BOUND_PAGES);
            return connection;
        } catch (SQLException failure) {
            connection.close();
            throw failure;
        }
    }
}
