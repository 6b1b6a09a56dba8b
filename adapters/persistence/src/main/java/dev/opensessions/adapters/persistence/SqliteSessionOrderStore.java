package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.SessionOrderStore;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.SessionOrder;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** Keeps one tmux server's session order (by position) and hidden set in the SQLite file. */
public final class SqliteSessionOrderStore implements SessionOrderStore {

    private final SqliteDatabase database;
    private final String serverKey;

    public SqliteSessionOrderStore(SqliteDatabase database, String serverKey) {
        this.database = Objects.requireNonNull(database, "database");
        this.serverKey = Objects.requireNonNull(serverKey, "serverKey");
    }

    @Override
    public SessionOrder load() {
        return database.read("load the session order", connection -> {
            List<SessionName> order = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT session FROM session_order WHERE server_key = ? ORDER BY position")) {
                select.setString(1, serverKey);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        order.add(SessionName.of(rows.getString(1)));
                    }
                }
            }
            Set<SessionName> hidden = new HashSet<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT session FROM hidden_session WHERE server_key = ?")) {
                select.setString(1, serverKey);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        hidden.add(SessionName.of(rows.getString(1)));
                    }
                }
            }
            return new SessionOrder(order, hidden);
        });
    }

    @Override
    public void save(SessionOrder order) {
        Objects.requireNonNull(order, "order");
        database.write("save the session order", connection -> {
            try (PreparedStatement clearOrder = connection.prepareStatement(
                    "DELETE FROM session_order WHERE server_key = ?");
                 PreparedStatement clearHidden = connection.prepareStatement(
                         "DELETE FROM hidden_session WHERE server_key = ?")) {
                clearOrder.setString(1, serverKey);
                clearOrder.executeUpdate();
                clearHidden.setString(1, serverKey);
                clearHidden.executeUpdate();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO session_order (server_key, position, session) VALUES (?, ?, ?)")) {
                for (int position = 0; position < order.order().size(); position++) {
                    insert.setString(1, serverKey);
                    insert.setInt(2, position);
                    insert.setString(3, order.order().get(position).value());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO hidden_session (server_key, session) VALUES (?, ?)")) {
                for (SessionName name : order.hidden()) {
                    insert.setString(1, serverKey);
                    insert.setString(2, name.value());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return null;
        });
    }
}
