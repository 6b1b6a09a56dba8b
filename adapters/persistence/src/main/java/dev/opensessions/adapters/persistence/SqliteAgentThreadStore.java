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

    // Texts are bound as their remembered UTF-8 bytes and stored as TEXT by the cast (Columns.setText).
    // An update in place, not INSERT OR REPLACE: REPLACE deletes the row and inserts it again under a new rowid,
    // so every save dirtied a page at the table's end as well as the row's old page and the key's index page,
    // each one written to the WAL by the commit.
    private static final String UPSERT = """
            INSERT INTO agent_thread (server_key, thread_key, agent, session, status, updated_at,
                thread_id, thread_name, last_user_prompt, unseen, pane_id, liveness, project_dir)
            VALUES (CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT),
                CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), ?, CAST(? AS TEXT),
                CAST(? AS TEXT), CAST(? AS TEXT))
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
        // Not copied: the group commit hands its list over and does not touch it while the save runs.
        List<AgentThread> batch = Objects.requireNonNull(threads, "threads");
        if (batch.isEmpty()) {
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            // Before the statement's batch is filled: a refused row leaves nothing in it.
            Objects.requireNonNull(batch.get(i), "thread");
        }
        database.write("save agent threads", connection -> {
            PreparedStatement upsert = database.statement(connection, UPSERT);
            for (int i = 0; i < batch.size(); i++) {
                AgentThread thread = batch.get(i);
                bind(upsert, thread);
                upsert.addBatch();
            }
            return upsert.executeBatch().length;
        });
    }

    private void bind(PreparedStatement upsert, AgentThread thread) throws SQLException {
        Columns.setText(upsert, 1, serverKey);
        Columns.setText(upsert, 2, thread.key().value());
        Columns.setText(upsert, 3, thread.agent());
        Columns.setText(upsert, 4, thread.session().value());
        Columns.setText(upsert, 5, thread.status().wireName());
        Columns.setInstantBytes(upsert, 6, thread.updatedAt());
        Columns.setText(upsert, 7, thread.threadId());
        Columns.setText(upsert, 8, thread.threadName());
        Columns.setText(upsert, 9, thread.lastUserPrompt());
        upsert.setBoolean(10, thread.unseen());
        Columns.setText(upsert, 11, thread.paneId() == null ? null : thread.paneId().value());
        Columns.setText(upsert, 12, thread.liveness().wireName());
        Columns.setText(upsert, 13, thread.projectDir());
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
