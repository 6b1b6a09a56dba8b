package dev.opensessions.adapters.agents.opencode;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A real OpenCode (or Kilo) database in a temp folder, written the way the agent writes it: WAL journal, one
 * long-lived connection, JSON documents in the {@code data} columns.
 */
final class OpenCodeFixtureDb implements AutoCloseable {

    private final Connection writer;

    private OpenCodeFixtureDb(Connection writer) {
        this.writer = writer;
    }

    /** Creates the database with {@code schema-newer.sql} or {@code schema-legacy.sql}. */
    static OpenCodeFixtureDb create(Path file, String schema) throws IOException, SQLException {
        Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
        try (Statement statement = connection.createStatement();
             InputStream sql = OpenCodeFixtureDb.class.getResourceAsStream("/fixtures/opencode/" + schema)) {
            statement.execute("PRAGMA journal_mode=WAL");
            for (String ddl : new String(sql.readAllBytes(), StandardCharsets.UTF_8).split(";")) {
                String withoutComments = ddl.replaceAll("(?m)^--.*$", "").strip();
                if (!withoutComments.isEmpty()) {
                    statement.execute(withoutComments);
                }
            }
            statement.execute("INSERT INTO project VALUES ('prj_9f3c', '/home/dev/api-gateway', 'git', "
                    + "'api-gateway', 1767261000000, 1767261000000)");
        }
        return new OpenCodeFixtureDb(connection);
    }

    void session(String id, String title, String directory, long updated) throws SQLException {
        update("INSERT OR REPLACE INTO session (id, project_id, slug, directory, title, version, time_created, "
                + "time_updated) VALUES (?, 'prj_9f3c', ?, ?, ?, '1.1.36', ?, ?)",
                id, "slug-" + id, directory, title, updated - 60_000, updated);
    }

    void touch(String session, long updated) throws SQLException {
        update("UPDATE session SET time_updated = ? WHERE id = ?", updated, session);
    }

    void message(String session, String id, long created, String json) throws SQLException {
        update("INSERT OR REPLACE INTO message VALUES (?, ?, ?, ?, ?)", id, session, created, created, json);
    }

    void part(String session, String message, String id, long created, String json) throws SQLException {
        update("INSERT OR REPLACE INTO part VALUES (?, ?, ?, ?, ?, ?)", id, message, session, created, created, json);
    }

    void sessionMessage(String session, String id, String type, long created, String json) throws SQLException {
        update("INSERT OR REPLACE INTO session_message VALUES (?, ?, ?, ?, ?, ?)", id, session, type, created,
                created, json);
    }

    /** Starts a write transaction and leaves it open, as OpenCode does while it streams a long answer. */
    void beginWrite() throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute("BEGIN IMMEDIATE");
            statement.execute("UPDATE project SET name = 'api-gateway ✨'");
        }
    }

    void commit() throws SQLException {
        try (Statement statement = writer.createStatement()) {
            statement.execute("COMMIT");
        }
    }

    private void update(String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = writer.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    @Override
    public void close() throws SQLException {
        writer.close();
    }
}
