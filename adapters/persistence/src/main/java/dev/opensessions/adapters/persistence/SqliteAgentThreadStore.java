package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.AgentThreadStore;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.ThreadKey;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Keeps one tmux server's agent threads, unseen markers included, in the SQLite file. */
public final class SqliteAgentThreadStore implements AgentThreadStore {

    // An update in place, not INSERT OR REPLACE: REPLACE deletes the row and inserts it again under a new rowid,
    // so every save dirtied a page at the table's end as well as the row's old page and the key's index page,
    // each one written to the WAL by the commit.
    private static final String UPSERT = """
            INSERT INTO agent_thread (server_key, thread_key, agent, session, status, updated_at,
                thread_id, thread_name, last_user_prompt, unseen, pane_id, liveness, project_dir)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            ON CONFLICT (server_key, thread_key) DO UPDATE SET agent = excluded.agent, session = excluded.session,
                status = excluded.status, updated_at = excluded.updated_at, thread_id = excluded.thread_id,
                thread_name = excluded.thread_name, last_user_prompt = excluded.last_user_prompt,
                unseen = excluded.unseen, pane_id = excluded.pane_id, liveness = excluded.liveness,
                project_dir = excluded.project_dir""";

    private final SqliteDatabase database;
    private final String serverKey;

    public SqliteAgentThreadStore(SqliteDatabase database, String serverKey) {
        this.database = Objects.requireNonNull(database, "database");
        this.serverKey = Objects.requireNonNull(serverKey, "serverKey");
    }

    @Override
    public List<AgentThread> loadAll() {
        return database.read("load agent threads", connection -> {
            List<AgentThread> threads = new ArrayList<>();
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT * FROM agent_thread WHERE server_key = ? ORDER BY thread_key")) {
                select.setString(1, serverKey);
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        threads.add(thread(rows));
                    }
                }
            }
            return List.copyOf(threads);
        });
    }

    @Override
    public void save(AgentThread thread) {
        saveAll(List.of(Objects.requireNonNull(thread, "thread")));
    }

    /** One transaction for all of them: the state writer saves every row an event burst changed. */
    @Override
    public void saveAll(List<AgentThread> threads) {
        List<AgentThread> batch = List.copyOf(threads);
        if (batch.isEmpty()) {
            return;
        }
        database.write("save agent threads", connection -> {
            PreparedStatement upsert = database.statement(connection, UPSERT);
            for (AgentThread thread : batch) {
                bind(upsert, thread);
                upsert.addBatch();
            }
            return upsert.executeBatch().length;
        });
    }

    private void bind(PreparedStatement upsert, AgentThread thread) throws SQLException {
        upsert.setString(1, serverKey);
        upsert.setString(2, thread.key().value());
        upsert.setString(3, thread.agent());
        upsert.setString(4, thread.session().value());
        upsert.setString(5, thread.status().wireName());
        Columns.setInstant(upsert, 6, thread.updatedAt());
        upsert.setString(7, thread.threadId());
        upsert.setString(8, thread.threadName());
        upsert.setString(9, thread.lastUserPrompt());
        upsert.setBoolean(10, thread.unseen());
        upsert.setString(11, thread.paneId() == null ? null : thread.paneId().value());
        upsert.setString(12, thread.liveness().wireName());
        upsert.setString(13, thread.projectDir());
    }

    @Override
    public void delete(ThreadKey key) {
        Objects.requireNonNull(key, "key");
        database.write("delete an agent thread", connection -> {
            try (PreparedStatement delete = connection.prepareStatement(
                    "DELETE FROM agent_thread WHERE server_key = ? AND thread_key = ?")) {
                delete.setString(1, serverKey);
                delete.setString(2, key.value());
                return delete.executeUpdate();
            }
        });
    }

    private static AgentThread thread(ResultSet rows) throws SQLException {
        String pane = rows.getString("pane_id");
        return new AgentThread(
                rows.getString("agent"),
                SessionName.of(rows.getString("session")),
                Columns.status(rows, "status"),
                Columns.instant(rows, "updated_at"),
                rows.getString("thread_id"),
                rows.getString("thread_name"),
                rows.getString("last_user_prompt"),
                rows.getBoolean("unseen"),
                pane == null ? null : PaneId.of(pane),
                Columns.liveness(rows, "liveness"),
                rows.getString("project_dir"));
    }
}
