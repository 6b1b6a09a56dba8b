package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.AgentThreadStore;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.Liveness;
import dev.opensessions.domain.agent.StatusTransition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static dev.opensessions.adapters.persistence.Samples.AWKWARD;
import static dev.opensessions.adapters.persistence.Samples.T0;
import static dev.opensessions.adapters.persistence.Samples.name;
import static org.assertj.core.api.Assertions.assertThat;

/** Runs the AgentThreadStore contract against a real SQLite file. */
class SqliteAgentThreadStoreTest extends AgentThreadStoreContract {

    @TempDir
    Path dir;

    @Override
    protected AgentThreadStore store() {
        return new SqliteAgentThreadStore(TestDatabases.open(dir.resolve("state.db")), "default");
    }

    /**
     * The writer binds texts as remembered UTF-8 bytes that the statements cast to text: what lands in the file is
     * TEXT, compared and matched as a text bound as text, short or long, ASCII or not, written again or not.
     */
    @Test
    void textsBoundAsBytesAreStoredAsTextThatSqlMatches() throws Exception {
        Path file = dir.resolve("state.db");
        SqliteDatabase database = TestDatabases.open(file);
        SqliteAgentThreadStore threads = new SqliteAgentThreadStore(database, "default");
        SqliteStatusHistoryStore history = new SqliteStatusHistoryStore(database, "default");
        String longPrompt = "a prompt longer than the texts remembered: " + AWKWARD.repeat(10);
        AgentThread thread = new AgentThread("claude-code", name("séance " + AWKWARD), AgentStatus.RUNNING, T0,
                "thread-é", "Ünïcødé 🚀", longPrompt, false, null, Liveness.ALIVE, "/home/mé");
        threads.saveAll(List.of(thread));
        AgentThread later = thread.withUnseen(true);
        threads.saveAll(List.of(later));
        history.append(List.of(new StatusTransition(thread.session(), thread.key(), null, AgentStatus.RUNNING, T0)));

        assertThat(threads.loadAll()).containsExactly(later);
        assertThat(history.recent(thread.session(), 10)).hasSize(1);
        try (Connection connection = TestDatabases.dataSource(file).getConnection();
             Statement statement = connection.createStatement()) {
            assertThat(strings(statement, """
                    SELECT typeof(server_key), typeof(thread_key), typeof(agent), typeof(session), typeof(status),
                        typeof(updated_at), typeof(thread_id), typeof(thread_name), typeof(last_user_prompt),
                        typeof(liveness), typeof(project_dir) FROM agent_thread""")).containsOnly("text");
            assertThat(strings(statement, """
                    SELECT typeof(server_key), typeof(session), typeof(thread_key), typeof(to_status), typeof(at)
                    FROM status_transition""")).containsOnly("text");
            assertThat(strings(statement, "SELECT count(*) FROM agent_thread WHERE session = 'séance ' || "
                    + "'it''s \"my\"; work -- Ünïcødé 🚀 ''); DROP TABLE agent_thread; --' AND updated_at = '"
                    + T0 + "' AND last_user_prompt LIKE 'a prompt longer%'")).containsExactly("1");
        }
    }

    private static List<String> strings(Statement statement, String sql) throws Exception {
        List<String> found = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    found.add(rows.getString(i));
                }
            }
        }
        return found;
    }
}
