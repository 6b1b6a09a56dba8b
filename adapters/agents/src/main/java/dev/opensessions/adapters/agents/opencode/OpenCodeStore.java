package dev.opensessions.adapters.agents.opencode;

import org.sqlite.SQLiteConfig;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the recently updated sessions of an OpenCode or Kilo database, opened read-only for one short query
 * at a time so the agent's own writes are never held up; the newer schema is tried first, then the legacy one.
 */
final class OpenCodeStore {

    static final Duration RECENT = Duration.ofMinutes(5);
    private static final int BUSY_TIMEOUT_MILLIS = 250;

    private static final String RECENT_SESSIONS = "WITH recent AS MATERIALIZED (SELECT id, title, directory, "
            + "time_updated FROM session WHERE time_updated > ? ORDER BY time_updated DESC LIMIT 50) "
            + "SELECT r.id, r.title, r.directory, r.time_updated, "
            + "(SELECT m.data FROM message m WHERE m.session_id = r.id "
            + "ORDER BY m.time_created DESC, m.id DESC LIMIT 1), ";
    private static final String NEWER = RECENT_SESSIONS
            + "(SELECT s.data FROM session_message s WHERE s.session_id = r.id AND s.type = 'user' "
            + "ORDER BY s.time_created DESC, s.id DESC LIMIT 1) FROM recent r ORDER BY r.time_updated DESC";
    // Before session_message existed the prompt was the first typed (not synthetic) text part of the last user
    // message.
    private static final String LEGACY = RECENT_SESSIONS
            + "(SELECT p.data FROM message u JOIN part p ON p.message_id = u.id WHERE u.session_id = r.id "
            + "AND json_extract(u.data, '$.role') = 'user' AND json_extract(p.data, '$.type') = 'text' "
            + "AND ifnull(json_extract(p.data, '$.synthetic'), 0) = 0 "
            + "ORDER BY u.time_created DESC, u.id DESC, p.id ASC LIMIT 1) FROM recent r ORDER BY r.time_updated DESC";

    private final Path database;

    OpenCodeStore(Path database) {
        this.database = database;
    }

    Path database() {
        return database;
    }

    /** Sessions updated in the five minutes before {@code now}, most recent first. */
    List<OpenCodeSessionRow> recentSessions(Instant now) {
        long since = now.minus(RECENT).toEpochMilli();
        try (Connection connection = open()) {
            try {
                return query(connection, NEWER, since);
            } catch (SQLException olderSchema) {
                return query(connection, LEGACY, since);
            }
        } catch (SQLException failed) {
            throw new OpenCodeStoreException("cannot read " + database + ": " + failed.getMessage(), failed);
        }
    }

    private Connection open() throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
        return config.createConnection("jdbc:sqlite:file:" + uriPath() + "?mode=ro");
    }

    /** The path as a URI path, so a space, {@code ?} or {@code #} in a folder name is not read as syntax. */
    private String uriPath() {
        try {
            return new URI(null, null, database.toAbsolutePath().toString(), null).getRawPath();
        } catch (URISyntaxException impossible) {
            throw new IllegalStateException(impossible);
        }
    }

    private static List<OpenCodeSessionRow> query(Connection connection, String sql, long since) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setQueryTimeout(1);
            statement.setLong(1, since);
            try (ResultSet rows = statement.executeQuery()) {
                List<OpenCodeSessionRow> sessions = new ArrayList<>();
                while (rows.next()) {
                    sessions.add(new OpenCodeSessionRow(rows.getString(1), rows.getString(2), rows.getString(3),
                            rows.getLong(4), rows.getString(5), rows.getString(6)));
                }
                return sessions;
            }
        }
    }
}
