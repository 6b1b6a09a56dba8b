package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.StatusHistoryStore;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.SeenMark;
import dev.opensessions.domain.agent.StatusTransition;
import dev.opensessions.domain.agent.ThreadKey;
import dev.opensessions.domain.session.SessionName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Keeps one tmux server's agent status transitions and seen marks in the SQLite file, in the order they were
 * appended, at most {@link StatusHistoryStore#CAPACITY_PER_SESSION} of each per session as far as a reader sees.
 *
 * <p>Both tables are rowid tables without an index by session: rows are appended at the table's end, so a commit
 * writes the table's last page or two whatever the sessions it appends to (an index by session cost one page per
 * session, each written to the WAL by the commit). The store gives each row the next id itself and keeps, for every
 * session it appended to, the ids of that session's newest rows in memory; the ids of older rows wait in one list
 * until there are more than {@link #TRIM_SLACK} of them in the table, and are then deleted by one statement: the
 * oldest rows of all sessions go together, so the pages they freed are written once. The readers skip those older
 * rows. Readers of one session walk the whole table of the server (a few thousand rows): they run once in seconds.
 */
public final class SqliteStatusHistoryStore implements StatusHistoryStore {

    /** Rows of the table over the capacity of their session, all sessions together, before they are deleted. */
    static final int TRIM_SLACK = 512;

    // Texts are bound as their remembered UTF-8 bytes and stored as TEXT by the cast (Columns.setText).
    private static final String INSERT = """
            INSERT INTO status_transition (server_key, session, thread_key, from_status, to_status, at, unseen)
            VALUES (CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT),
                CAST(? AS TEXT), ?)""";
    private static final String INSERT_SEEN = """
            INSERT INTO seen_mark (server_key, session, thread_key, at) VALUES (?, ?, ?, ?)""";
    // The rows of one transaction get consecutive ids: it holds the write lock, and SQLite gives a new row the
    // highest id of the table plus one.
    private static final String LAST_ID = "SELECT last_insert_rowid()";

    private final SqliteDatabase database;
    private final String serverKey;
    private final Appended transitionRows = new Appended("status_transition");
    private final Appended seenRows = new Appended("seen_mark");

    public SqliteStatusHistoryStore(SqliteDatabase database, String serverKey) {
        this.database = Objects.requireNonNull(database, "database");
        this.serverKey = Objects.requireNonNull(serverKey, "serverKey");
    }

    @Override
    public void append(List<StatusTransition> transitions) {
        // Not copied: the group commit hands its batch over and does not touch it while the append runs.
        List<StatusTransition> batch = Objects.requireNonNull(transitions, "transitions");
        if (batch.isEmpty()) {
            return;
        }
        database.write("append agent status history", connection -> {
            PreparedStatement insert = database.statement(connection, INSERT);
            synchronized (transitionRows) {
                transitionRows.read(connection, batch, StatusTransition::session);
                for (int i = 0; i < batch.size(); i++) {
                    StatusTransition transition = batch.get(i);
                    Columns.setText(insert, 1, serverKey);
                    Columns.setText(insert, 2, transition.session().value());
                    Columns.setText(insert, 3, transition.thread().value());
                    Columns.setText(insert, 4, transition.from() == null ? null : transition.from().wireName());
                    Columns.setText(insert, 5, transition.to().wireName());
                    Columns.setInstantBytes(insert, 6, transition.at());
                    insert.setInt(7, transition.unseen() ? 1 : 0);
                    insert.addBatch();
                }
                insert.executeBatch();
                transitionRows.inserted(connection, batch, StatusTransition::session);
                transitionRows.trim(connection);
            }
            return null;
        });
    }

    @Override
    public void appendSeen(List<SeenMark> marks) {
        List<SeenMark> batch = List.copyOf(marks);
        if (batch.isEmpty()) {
            return;
        }
        database.write("append seen marks", connection -> {
            PreparedStatement insert = database.statement(connection, INSERT_SEEN);
            synchronized (seenRows) {
                seenRows.read(connection, batch, SeenMark::session);
                for (SeenMark mark : batch) {
                    insert.setString(1, serverKey);
                    insert.setString(2, mark.session().value());
                    insert.setString(3, mark.thread().value());
                    Columns.setInstant(insert, 4, mark.at());
                    insert.addBatch();
                }
                insert.executeBatch();
                seenRows.inserted(connection, batch, SeenMark::session);
                seenRows.trim(connection);
            }
            return null;
        });
    }

    /**
     * What one table holds of this server, as far as the trim needs it: the ids of the newest rows of every session
     * appended to, and the ids of the rows over their session's capacity, still in the table. Read from the file for a
     * session the first time it is appended to, then kept by adding what is appended. Forgotten whenever a transaction
     * of the database failed since (a rolled back append must not be counted). Only this process writes the rows of its
     * server key; other processes may append rows of theirs. Callers hold the instance's lock.
     */
    private final class Appended {

        private final String sessionIds;
        private final String delete;
        private final Map<SessionName, NewestIds> sessions = new HashMap<>();
        /** Ids of rows over their session's capacity, still in the table, in the order they were stored. */
        private long[] older = new long[TRIM_SLACK + 1];
        private int olderCount;
        private long failuresSeen = -1;

        Appended(String table) {
            this.sessionIds = "SELECT id FROM " + table + " WHERE server_key = ? AND session = ? ORDER BY id";
            // The ids as one JSON array of numbers this code wrote: one statement, one bound value, for every row.
            this.delete = "DELETE FROM " + table + " WHERE id IN (SELECT value FROM json_each(?))";
        }

        /** Reads the stored rows of every session of {@code rows} not read yet: before their new rows are inserted. */
        <T> void read(Connection connection, List<T> rows, Function<T, SessionName> sessionOf) throws SQLException {
            long failures = database.failedTransactions();
            if (failures != failuresSeen) {
                sessions.clear();
                olderCount = 0;
                failuresSeen = failures;
            }
            for (int i = 0; i < rows.size(); i++) {
                SessionName session = sessionOf.apply(rows.get(i));
                if (!sessions.containsKey(session)) {
                    sessions.put(session, stored(connection, session));
                }
            }
        }

        /** Notes the rows just inserted, {@code rows} in that order. */
        <T> void inserted(Connection connection, List<T> rows, Function<T, SessionName> sessionOf) throws SQLException {
            long id;
            try (ResultSet last = database.statement(connection, LAST_ID).executeQuery()) {
                id = last.next() ? last.getLong(1) - rows.size() + 1 : 0;
            }
            for (int i = 0; i < rows.size(); i++) {
                added(sessions.get(sessionOf.apply(rows.get(i))).add(id++));
            }
        }

        /** Deletes the rows over their session's capacity once there are more than the slack of them. */
        void trim(Connection connection) throws SQLException {
            if (olderCount <= TRIM_SLACK) {
                return;
            }
            StringBuilder ids = new StringBuilder(olderCount * 8).append('[');
            for (int i = 0; i < olderCount; i++) {
                ids.append(i == 0 ? "" : ",").append(older[i]);
            }
            PreparedStatement statement = database.statement(connection, delete);
            statement.setString(1, ids.append(']').toString());
            statement.execute();
            olderCount = 0;
        }

        private NewestIds stored(Connection connection, SessionName session) throws SQLException {
            NewestIds newest = new NewestIds();
            try (PreparedStatement select = connection.prepareStatement(sessionIds)) {
                select.setString(1, serverKey);
                select.setString(2, session.value());
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        added(newest.add(rows.getLong(1)));
                    }
                }
            }
            return newest;
        }

        /** Notes the id a session's newest ids pushed out (none when it is 0). */
        private void added(long pushedOut) {
            if (pushedOut == 0) {
                return;
            }
            if (olderCount == older.length) {
                older = java.util.Arrays.copyOf(older, older.length * 2);
            }
            older[olderCount++] = pushedOut;
        }
    }

    /** The ids of one session's newest rows, at most the capacity of a session, in a ring. */
    private static final class NewestIds {

        private final long[] ids = new long[CAPACITY_PER_SESSION];
        private int size;
        private int oldest;

        /** Adds the id of a newer row; answers the id it pushed out of the newest, or 0. */
        long add(long id) {
            if (size < ids.length) {
                ids[(oldest + size++) % ids.length] = id;
                return 0;
            }
            long pushedOut = ids[oldest];
            ids[oldest] = id;
            oldest = (oldest + 1) % ids.length;
            return pushedOut;
        }
    }

    /**
     * Instants are stored as ISO text of varying length, which does not sort as time; the rows are few (a
     * bounded history), so they are filtered here rather than in SQL.
     */
    @Override
    public List<StatusTransition> transitionsSince(Instant since) {
        return transitions(since, null);
    }

    /** Only the session's rows, through the index by session: a twentieth of the history with 20 sessions. */
    @Override
    public List<StatusTransition> transitionsSince(Instant since, SessionName session) {
        return transitions(since, Objects.requireNonNull(session, "session"));
    }

    @Override
    public List<SeenMark> seenSince(Instant since) {
        return marks(since, null);
    }

    @Override
    public List<SeenMark> seenSince(Instant since, SessionName session) {
        return marks(since, Objects.requireNonNull(session, "session"));
    }

    /** The kept transitions at or after {@code since}, oldest first; of one session when it is not null. */
    private List<StatusTransition> transitions(Instant since, SessionName session) {
        Objects.requireNonNull(since, "since");
        return database.read("read agent status history", connection -> {
            List<StatusTransition> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT session, thread_key, from_status, to_status, at, unseen FROM status_transition"
                            + (session == null ? " WHERE server_key = ?" : " WHERE server_key = ? AND session = ?")
                            + " ORDER BY id")) {
                select.setString(1, serverKey);
                if (session != null) {
                    select.setString(2, session.value());
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(new StatusTransition(SessionName.of(rows.getString("session")),
                                new ThreadKey(rows.getString("thread_key")), Columns.status(rows, "from_status"),
                                Columns.status(rows, "to_status"), Columns.instant(rows, "at"), rows.getInt("unseen") == 1));
                    }
                }
            }
            found = kept(found, StatusTransition::session);
            found.removeIf(transition -> transition.at().isBefore(since));
            found.sort(java.util.Comparator.comparing(StatusTransition::at));
            return List.copyOf(found);
        });
    }

    /** The kept seen marks at or after {@code since}, oldest first; of one session when it is not null. */
    private List<SeenMark> marks(Instant since, SessionName session) {
        Objects.requireNonNull(since, "since");
        return database.read("read seen marks", connection -> {
            List<SeenMark> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT session, thread_key, at FROM seen_mark"
                            + (session == null ? " WHERE server_key = ?" : " WHERE server_key = ? AND session = ?")
                            + " ORDER BY id")) {
                select.setString(1, serverKey);
                if (session != null) {
                    select.setString(2, session.value());
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.add(new SeenMark(SessionName.of(rows.getString("session")),
                                new ThreadKey(rows.getString("thread_key")), Columns.instant(rows, "at")));
                    }
                }
            }
            found = kept(found, SeenMark::session);
            found.removeIf(mark -> mark.at().isBefore(since));
            found.sort(java.util.Comparator.comparing(SeenMark::at));
            return List.copyOf(found);
        });
    }

    /**
     * The newest {@link #CAPACITY_PER_SESSION} rows of every session among {@code rows} (oldest first, as read by id),
     * in their order: what the store keeps, without the rows a trim has not yet deleted.
     */
    private static <T> List<T> kept(List<T> rows, java.util.function.Function<T, SessionName> sessionOf) {
        Map<SessionName, Integer> over = new HashMap<>();
        for (T row : rows) {
            over.merge(sessionOf.apply(row), 1, Integer::sum);
        }
        over.replaceAll((session, count) -> count - CAPACITY_PER_SESSION);
        if (over.values().stream().noneMatch(excess -> excess > 0)) {
            return rows;
        }
        List<T> kept = new ArrayList<>(rows.size());
        for (T row : rows) {
            SessionName session = sessionOf.apply(row);
            int excess = over.get(session);
            if (excess > 0) {
                over.put(session, excess - 1);
            } else {
                kept.add(row);
            }
        }
        return kept;
    }

    @Override
    public List<StatusTransition> recent(SessionName session, int limit) {
        Objects.requireNonNull(session, "session");
        if (limit <= 0) {
            return List.of();
        }
        return database.read("read agent status history", connection -> {
            List<StatusTransition> recent = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT thread_key, from_status, to_status, at, unseen FROM status_transition
                    WHERE server_key = ? AND session = ? ORDER BY id DESC LIMIT ?""")) {
                select.setString(1, serverKey);
                select.setString(2, session.value());
                select.setInt(3, Math.min(limit, CAPACITY_PER_SESSION));
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        AgentStatus from = Columns.status(rows, "from_status");
                        recent.add(new StatusTransition(session, new ThreadKey(rows.getString("thread_key")), from,
                                Columns.status(rows, "to_status"), Columns.instant(rows, "at"),
                                rows.getInt("unseen") == 1));
                    }
                }
            }
            return List.copyOf(recent);
        });
    }
}
