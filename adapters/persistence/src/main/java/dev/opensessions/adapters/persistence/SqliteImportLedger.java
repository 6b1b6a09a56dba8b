package dev.opensessions.adapters.persistence;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Objects;

/** Keeps one tmux server's finished one-time imports in the SQLite file, so they survive restarts. */
public final class SqliteImportLedger implements ImportLedger {

    private final SqliteDatabase database;
    private final String serverKey;

    public SqliteImportLedger(SqliteDatabase database, String serverKey) {
        this.database = Objects.requireNonNull(database, "database");
        this.serverKey = Objects.requireNonNull(serverKey, "serverKey");
    }

    @Override
    public boolean isDone(String importName) {
        Objects.requireNonNull(importName, "importName");
        return database.read("check a one-time import", connection -> {
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT 1 FROM server_mark WHERE server_key = ? AND mark = ?")) {
                select.setString(1, serverKey);
                select.setString(2, importName);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next();
                }
            }
        });
    }

    @Override
    public void markDone(String importName) {
        Objects.requireNonNull(importName, "importName");
        database.write("record a one-time import", connection -> {
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT OR IGNORE INTO server_mark (server_key, mark) VALUES (?, ?)")) {
                insert.setString(1, serverKey);
                insert.setString(2, importName);
                return insert.executeUpdate();
            }
        });
    }
}
