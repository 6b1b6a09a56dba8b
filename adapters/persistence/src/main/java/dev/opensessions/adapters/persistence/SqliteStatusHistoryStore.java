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

/**
 * Keeps one tmux server's agent status transitions and seen marks in the SQLite file, in the order they were
 * appended, at most {@link StatusHistoryStore#CAPACITY_PER_SESSION} of each per session as far as a reader sees.
 * The file may hold up to {@link #TRIM_SLACK} older rows more per session: a session is trimmed back to the
 * capacity once it passes it by the slack, so one commit in {@code TRIM_SLACK} deletes a run of old rows instead of
 * every commit deleting one row of each session it touched (each such delete dirtied two pages of the file that the
 * commit wrote to the WAL). The readers skip those older rows.
 */
public final class SqliteStatusHistoryStore implements StatusHistoryStore {

    /** Rows a session may hold over the capacity in the file before it is trimmed back to the capacity. */
    static final int TRIM_SLACK = 64;

    private static final String INSERT = """
            INSERT INTO status_transition (server_key, session, thread_key, from_status, to_status, at, unseen)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_SEEN = """
            INSERT INTO seen_mark (server_key, session, thread_key, at) VALUES (?, ?, ?, ?)""";
    // The oldest rows of a session, as many as the last parameter says (the index by session walks only those).
    private static final String TRIM = """
            DELETE FROM status_transition WHERE id IN (
                SELECT id FROM status_transition WHERE server_key = ? AND session = ? ORDER BY id LIMIT ?)""";
    private static final String TRIM_SEEN = """
            DELETE FROM seen_mark WHERE id IN (
                SELECT id FROM seen_mark WHERE server_key = ? AND session = ? ORDER BY id LIMIT ?)""";
    private static final String COUNT = "SELECT count(*) FROM status_transition WHERE server_key = ? AND session = ?";
    private static final String COUNT_SEEN = "SELECT count(*) FROM seen_mark WHERE server_key = ? AND session = ?";

    private final SqliteDatabase database;
    private final String serverKey;
    /**
     * Rows stored per session, as counted by this store, so a commit trims a session only when it is over the cap
     * (walking the 500 newest rows of every touched session on every commit was a quarter of the commit's cost).
     * Forgotten whenever a transaction of the database failed since they were counted: a rolled back append
     * must not be counted. Only this process writes the rows of its server key.
     */
    private final RowCounts transitionCounts = new RowCounts(COUNT, TRIM);
    private final RowCounts seenCounts = new RowCounts(COUNT_SEEN, TRIM_SEEN);

    public SqliteStatusHistoryStore(SqliteDatabase database, String serverKey) {
        this.database = Objects.requireNonNull(database, "database");
        this.serverKey = Objects.requireNonNull(serverKey, "serverKey");
    }

    @Override
    public void append(List<StatusTransition> transitions) {
        List<StatusTransition> batch = List.copyOf(transitions);
        if (batch.isEmpty()) {
            return;
        }
        database.write("append agent status history", connection -> {
            Map<SessionName, Integer> touched = new LinkedHashMap<>();
            PreparedStatement insert = database.statement(connection, INSERT);
            for (StatusTransition transition : batch) {
                insert.setString(1, serverKey);
                insert.setString(2, transition.session().value());
                insert.setString(3, transition.thread().value());
                insert.setString(4, transition.from() == null ? null : transition.from().wireName());
                insert.setString(5, transition.to().wireName());
                Columns.setInstant(insert, 6, transition.at());
                insert.setInt(7, transition.unseen() ? 1 : 0);
                insert.addBatch();
                touched.merge(transition.session(), 1, Integer::sum);
            }
            insert.executeBatch();
            transitionCounts.trim(connection, touched);
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
            Map<SessionName, Integer> touched = new LinkedHashMap<>();
            PreparedStatement insert = database.statement(connection, INSERT_SEEN);
            for (SeenMark mark : batch) {
                insert.setString(1, serverKey);
                insert.setString(2, mark.session().value());
                insert.setString(3, mark.thread().value());
                Columns.setInstant(insert, 4, mark.at());
                insert.addBatch();
                touched.merge(mark.session(), 1, Integer::sum);
            }
            insert.executeBatch();
            seenCounts.trim(connection, touched);
            return null;
        });
    }

    /** The rows of one table per session, counted once from the file and then kept by adding what is appended. */
    private final class RowCounts {

        private final String count;
        private final String trim;
        private final Map<SessionName, Integer> rows = new HashMap<>();
        private long failuresSeen = -1;

        RowCounts(String count, String trim) {
            this.count = count;
            this.trim = trim;
        }

        /**
         * After {@code appended} rows per session were inserted: deletes the oldest rows of every session over the
         * capacity and the slack, down to the capacity.
         */
        synchronized void trim(Connection connection, Map<SessionName, Integer> appended) throws SQLException {
            long failures = database.failedTransactions();
            if (failures != failuresSeen) {
                rows.clear();
                failuresSeen = failures;
            }
            // One statement for every session over the cap, batched and kept with the connection: preparing a DELETE
            // per session and commit was a third of the store writer's time.
            PreparedStatement delete = null;
            for (Map.Entry<SessionName, Integer> entry : appended.entrySet()) {
                SessionName session = entry.getKey();
                Integer known = rows.get(session);
                int stored = known == null ? counted(connection, session) : known + entry.getValue();
                if (stored > CAPACITY_PER_SESSION + TRIM_SLACK) {
                    if (delete == null) {
                        delete = database.statement(connection, trim);
                    }
                    delete.setString(1, serverKey);
                    delete.setString(2, session.value());
                    delete.setInt(3, stored - CAPACITY_PER_SESSION);
                    delete.addBatch();
                    stored = CAPACITY_PER_SESSION;
                }
                rows.put(session, stored);
            }
            if (delete != null) {
                delete.executeBatch();
            }
        }

        private int counted(Connection connection, SessionName session) throws SQLException {
            try (PreparedStatement select = connection.prepareStatement(count)) {
                select.setString(1, serverKey);
                select.setString(2, session.value());
                try (ResultSet result = select.executeQuery()) {
                    return result.next() ? result.getInt(1) : 0;
                }
            }
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
