package dev.opensessions.adapters.persistence;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Runs SQLite PRAGMAs and transaction control. PRAGMAs take no bind parameters, so callers pass only
 * constants and numbers this code computed, never input.
 */
final class Pragmas {

    private Pragmas() {
    }

    static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    static int integer(Connection connection, String pragma) throws SQLException {
        return Integer.parseInt(text(connection, pragma));
    }

    static String text(Connection connection, String pragma) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("PRAGMA " + pragma)) {
            return rows.next() ? rows.getString(1) : "";
        }
    }
}
