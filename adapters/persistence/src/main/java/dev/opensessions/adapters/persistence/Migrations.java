package dev.opensessions.adapters.persistence;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

/**
 * The schema as ordered SQL scripts shipped in the jar; script N brings the database to version N
 * (kept in {@code PRAGMA user_version}). Scripts hold plain DDL: statements end with {@code ;} and no
 * string literal contains one, which is what lets them be split without an SQL parser.
 */
final class Migrations {

    private static final List<String> SCRIPTS = List.of("V1__state.sql", "V2__wait_history.sql", "V3__history_appended.sql");

    private Migrations() {
    }

    /** The newest schema version this code knows. */
    static int latest() {
        return SCRIPTS.size();
    }

    /** Runs every script after {@code from}; the caller holds the transaction and sets the version. */
    static void apply(Connection connection, int from) throws SQLException {
        for (int version = from + 1; version <= latest(); version++) {
            try (Statement statement = connection.createStatement()) {
                for (String sql : statements(load(SCRIPTS.get(version - 1)))) {
                    statement.executeUpdate(sql);
                }
            }
        }
    }

    static List<String> statements(String script) {
        String withoutComments = script.lines()
                .filter(line -> !line.strip().startsWith("--"))
                .reduce("", (all, line) -> all + line + "\n");
        return Arrays.stream(withoutComments.split(";"))
                .map(String::strip)
                .filter(sql -> !sql.isEmpty())
                .toList();
    }

    private static String load(String name) {
        try (InputStream in = Migrations.class.getResourceAsStream("migrations/" + name)) {
            if (in == null) {
                throw new IllegalStateException("migration " + name + " is missing from the jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failure) {
            throw new UncheckedIOException("cannot read migration " + name, failure);
        }
    }
}
