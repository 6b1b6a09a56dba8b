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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Keeps one tmux server's agent status transitions and seen marks in the SQLite file, in the order they were
 * appended, at most {@link StatusHistoryStore#CAPACITY_PER_SESSION} of each per session.
 */
public final class SqliteStatusHistoryStore implements StatusHistoryStore {

    private static final String INSERT = """
            INSERT INTO status_transition (server_key, session, thread_key, from_status, to_status, at, unseen)
            VALUES (?, ?, ?, ?, ?, ?, ?)""";
    private static final String INSERT_SEEN = """
            INSERT INTO seen_mark (server_key, session, thread_key, at) VALUES (?, ?, ?, ?)""";
    // Deletes everything at or below the id of the first row past capacity, counted from the newest.
    private static final String TRIM = """
            DELETE FROM status_transition WHERE server_key = ? AND session = ? AND id <= (
                SELECT id FROM status_transition WHERE server_key = ? AND session = ?
                ORDER BY id DESC LIMIT 1 OFFSET ?)""";
    private static final String TRIM_SEEN = """
            DELETE FROM seen_mark WHERE server_key = ? AND session = ? AND id <= (
                SELECT id FROM seen_mark WHERE server_key = ? AND session = ?
                ORDER BY id DESC LIMIT 1 OFFSET ?)""";

    private final SqliteDatabase database;
    private final String serverKey;

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
            Set<SessionName> touched = new LinkedHashSet<>();
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (StatusTransition transition : batch) {
                    insert.setString(1, serverKey);
                    insert.setString(2, transition.session().value());
                    insert.setString(3, transition.thread().value());
                    insert.setString(4, transition.from() == null ? null : transition.from().wireName());
                    insert.setString(5, transition.to().wireName());
                    Columns.setInstant(insert, 6, transition.at());
                    insert.setInt(7, transition.unseen() ? 1 : 0);
                    insert.addBatch();
                    touched.add(transition.session());
                }
                insert.executeBatch();
            }
            trim(connection, TRIM, touched);
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
            Set<SessionName> touched = new LinkedHashSet<>();
            try (PreparedStatement insert = connection.prepareStatement(INSERT_SEEN)) {
                for (SeenMark mark : batch) {
                    insert.setString(1, serverKey);
                    insert.setString(2, mark.session().value());
                    insert.setString(3, mark.thread().value());
                    Columns.setInstant(insert, 4, mark.at());
                    insert.addBatch();
                    touched.add(mark.session());
                }
                insert.executeBatch();
            }
            trim(connection, TRIM_SEEN, touched);
            return null;
        });
    }

    private void trim(Connection connection, String sql, Set<SessionName> sessions) throws SQLException {
        try (PreparedStatement trim = connection.prepareStatement(sql)) {
            for (SessionName session : sessions) {
                trim.setString(1, serverKey);
                trim.setString(2, session.value());
                trim.setString(3, serverKey);
                trim.setString(4, session.value());
                trim.setInt(5, CAPACITY_PER_SESSION);
                trim.executeUpdate();
            }
        }
    }

    /**
     * Instants are stored as ISO text of varying length, which does not sort as time; the rows are few (a
     * bounded history), so they are filtered here rather than in SQL.
     */
    @Override
    public List<StatusTransition> transitionsSince(Instant since) {
        Objects.requireNonNull(since, "since");
        return database.read("read agent status history", connection -> {
            List<StatusTransition> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement("""
                    SELECT session, thread_key, from_status, to_status, at, unseen FROM status_transition
                    WHERE server_key = ? ORDER BY id""")) {
                select.setString(1, serverKey);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Instant at = Columns.instant(rows, "at");
                        if (!at.isBefore(since)) {
                            found.add(new StatusTransition(SessionName.of(rows.getString("session")),
                                    new ThreadKey(rows.getString("thread_key")), Columns.status(rows, "from_status"),
                                    Columns.status(rows, "to_status"), at, rows.getInt("unseen") == 1));
                        }
                    }
                }
            }
            found.sort(java.util.Comparator.comparing(StatusTransition::at));
            return List.copyOf(found);
        });
    }

    @Override
    public List<SeenMark> seenSince(Instant since) {
        Objects.requireNonNull(since, "since");
        return database.read("read seen marks", connection -> {
            List<SeenMark> found = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT session, thread_key, at FROM seen_mark WHERE server_key = ? ORDER BY id")) {
                select.setString(1, serverKey);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Instant at = Columns.instant(rows, "at");
                        if (!at.isBefore(since)) {
                            found.add(new SeenMark(SessionName.of(rows.getString("session")),
                                    new ThreadKey(rows.getString("thread_key")), at));
                        }
                    }
                }
            }
            found.sort(java.util.Comparator.comparing(SeenMark::at));
            return List.copyOf(found);
        });
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
                select.setInt(3, limit);
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
