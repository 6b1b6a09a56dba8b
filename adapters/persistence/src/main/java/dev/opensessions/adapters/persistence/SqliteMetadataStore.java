package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.MetadataStore;
import dev.opensessions.domain.metadata.LogEntry;
import dev.opensessions.domain.metadata.Progress;
import dev.opensessions.domain.metadata.SessionMetadata;
import dev.opensessions.domain.metadata.StatusPill;
import dev.opensessions.domain.session.SessionName;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Keeps one tmux server's pushed session metadata in the SQLite file: one row per session, logs beside it. */
public final class SqliteMetadataStore implements MetadataStore {

    private static final String INSERT = """
            INSERT INTO session_metadata (server_key, session, status_text, status_tone, status_ts,
                progress_current, progress_total, progress_percent, progress_label, progress_ts,
                notification_message, notification_tone, notification_source, notification_ts)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final SqliteDatabase database;
    private final String serverKey;

    public SqliteMetadataStore(SqliteDatabase database, String serverKey) {
        this.database = Objects.requireNonNull(database, "database");
        this.serverKey = Objects.requireNonNull(serverKey, "serverKey");
    }

    @Override
    public Map<SessionName, SessionMetadata> loadAll() {
        return database.read("load session metadata", connection -> {
            Map<SessionName, List<LogEntry>> logs = loadLogs(connection);
            Map<SessionName, SessionMetadata> all = new HashMap<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT * FROM session_metadata WHERE server_key = ?")) {
                select.setString(1, serverKey);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        SessionName name = SessionName.of(rows.getString("session"));
                        all.put(name, new SessionMetadata(pill(rows), progress(rows),
                                logs.getOrDefault(name, List.of()), notification(rows)));
                    }
                }
            }
            return Map.copyOf(all);
        });
    }

    @Override
    public void save(SessionName session, SessionMetadata metadata) {
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(metadata, "metadata");
        database.write("save session metadata", connection -> {
            // The foreign key cascades this delete to the session's log lines.
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM session_metadata WHERE server_key = ? AND session = ?")) {
                delete.setString(1, serverKey);
                delete.setString(2, session.value());
                delete.executeUpdate();
            }
            if (!metadata.isEmpty()) {
                insertRow(connection, session, metadata);
                insertLogs(connection, session, metadata.logs());
            }
            return null;
        });
    }

    private void insertRow(Connection connection, SessionName session, SessionMetadata metadata)
            throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            StatusPill pill = metadata.status();
            Progress progress = metadata.progress();
            LogEntry note = metadata.notification();
            insert.setString(1, serverKey);
            insert.setString(2, session.value());
            insert.setString(3, pill == null ? null : pill.text());
            insert.setString(4, pill == null ? null : pill.tone().wireName());
            Columns.setInstant(insert, 5, pill == null ? null : pill.ts());
            Columns.setDouble(insert, 6, progress == null ? null : progress.current());
            Columns.setDouble(insert, 7, progress == null ? null : progress.total());
            Columns.setDouble(insert, 8, progress == null ? null : progress.percent());
            insert.setString(9, progress == null ? null : progress.label());
            Columns.setInstant(insert, 10, progress == null ? null : progress.ts());
            insert.setString(11, note == null ? null : note.message());
            insert.setString(12, note == null ? null : note.tone().wireName());
            insert.setString(13, note == null ? null : note.source());
            Columns.setInstant(insert, 14, note == null ? null : note.ts());
            insert.executeUpdate();
        }
    }

    private void insertLogs(Connection connection, SessionName session, List<LogEntry> logs) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO session_log (server_key, session, position, message, tone, source, ts)
                VALUES (?, ?, ?, ?, ?, ?, ?)""")) {
            for (int position = 0; position < logs.size(); position++) {
                LogEntry entry = logs.get(position);
                insert.setString(1, serverKey);
                insert.setString(2, session.value());
                insert.setInt(3, position);
                insert.setString(4, entry.message());
                insert.setString(5, entry.tone().wireName());
                insert.setString(6, entry.source());
                Columns.setInstant(insert, 7, entry.ts());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private Map<SessionName, List<LogEntry>> loadLogs(Connection connection) throws SQLException {
        Map<SessionName, List<LogEntry>> logs = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(
                "SELECT * FROM session_log WHERE server_key = ? ORDER BY session, position")) {
            select.setString(1, serverKey);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    logs.computeIfAbsent(SessionName.of(rows.getString("session")), name -> new ArrayList<>())
                            .add(new LogEntry(rows.getString("message"), Columns.tone(rows, "tone"),
                                    rows.getString("source"), Columns.instant(rows, "ts")));
                }
            }
        }
        return logs;
    }

    private static StatusPill pill(ResultSet rows) throws SQLException {
        String text = rows.getString("status_text");
        return text == null ? null
                : new StatusPill(text, Columns.tone(rows, "status_tone"), Columns.instant(rows, "status_ts"));
    }

    private static Progress progress(ResultSet rows) throws SQLException {
        Double percent = Columns.nullableDouble(rows, "progress_percent");
        return percent == null ? null : new Progress(Columns.nullableDouble(rows, "progress_current"),
                Columns.nullableDouble(rows, "progress_total"), percent, rows.getString("progress_label"),
                Columns.instant(rows, "progress_ts"));
    }

    private static LogEntry notification(ResultSet rows) throws SQLException {
        String message = rows.getString("notification_message");
        return message == null ? null : new LogEntry(message, Columns.tone(rows, "notification_tone"),
                rows.getString("notification_source"), Columns.instant(rows, "notification_ts"));
    }
}
