package dev.opensessions.adapters.agents.opencode;

import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.application.testkit.MutableClock;
import dev.opensessions.domain.agent.AgentStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static dev.opensessions.adapters.agents.opencode.OpenCodeMessages.assistant;
import static dev.opensessions.adapters.agents.opencode.OpenCodeMessages.textPart;
import static dev.opensessions.adapters.agents.opencode.OpenCodeMessages.toolPart;
import static dev.opensessions.adapters.agents.opencode.OpenCodeMessages.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OpenCodeStoreTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:15:00Z");
    private static final long T = NOW.toEpochMilli();

    @TempDir
    Path dir;

    private final MutableClock clock = new MutableClock(NOW);

    @Test
    void newerSchemaGivesLastMessageAndLastUserSessionMessage() throws Exception {
        Path file = dir.resolve("opencode.db");
        try (OpenCodeFixtureDb db = OpenCodeFixtureDb.create(file, "schema-newer.sql")) {
            conversation(db, "ses_a", T - 20_000);
            db.sessionMessage("ses_a", "sm_1", "user", T - 60_000, "{\"type\":\"user\",\"text\":\"ajoute des tests\"}");
            db.sessionMessage("ses_a", "sm_2", "user", T - 30_000,
                    "{\"type\":\"user\",\"prompt\":{\"text\":\"lance go test ./... ✅\"}}");
            db.sessionMessage("ses_a", "sm_3", "tool", T - 25_000, "{\"type\":\"tool\",\"tool\":\"bash\"}");

            List<OpenCodeSessionRow> rows = new OpenCodeStore(file).recentSessions(clock.instant());

            assertThat(rows).singleElement().satisfies(row -> {
                assertThat(row.id()).isEqualTo("ses_a");
                assertThat(row.title()).isEqualTo("Limiter les requêtes par client");
                assertThat(row.timeUpdatedMillis()).isEqualTo(T - 20_000);
                assertThat(row.lastMessageJson()).contains("\"id\":\"msg_a3\"");
                assertThat(row.lastPromptJson()).contains("lance go test");
            });
        }
    }

    @Test
    void legacySchemaTakesThePromptFromTheLastUserMessagesTypedText() throws Exception {
        Path file = dir.resolve("opencode.db");
        try (OpenCodeFixtureDb db = OpenCodeFixtureDb.create(file, "schema-legacy.sql")) {
            conversation(db, "ses_a", T - 20_000);

            List<OpenCodeSessionRow> rows = new OpenCodeStore(file).recentSessions(clock.instant());

            assertThat(rows).singleElement().satisfies(row -> {
                assertThat(row.lastMessageJson()).contains("\"id\":\"msg_a3\"");
                assertThat(row.lastPromptJson()).contains("et maintenant lance les tests");
            });
        }
    }

    @Test
    void onlySessionsOfTheLastFiveMinutesMostRecentFirstAtMostFifty() throws Exception {
        Path file = dir.resolve("opencode.db");
        try (OpenCodeFixtureDb db = OpenCodeFixtureDb.create(file, "schema-newer.sql")) {
            for (int i = 0; i < 55; i++) {
                db.session("ses_%02d".formatted(i), "session " + i, "/home/dev/api-gateway", T - 1_000L * i);
            }
            db.session("ses_old", "hier", "/home/dev/old", T - Duration.ofMinutes(6).toMillis());

            List<OpenCodeSessionRow> rows = new OpenCodeStore(file).recentSessions(clock.instant());

            assertThat(rows).hasSize(50).first().extracting(OpenCodeSessionRow::id).isEqualTo("ses_00");
            assertThat(rows).extracting(OpenCodeSessionRow::id).doesNotContain("ses_old", "ses_50");
            clock.advance(Duration.ofMinutes(10));
            assertThat(new OpenCodeStore(file).recentSessions(clock.instant())).isEmpty();
        }
    }

    @Test
    void readsWhileTheAgentHoldsAWriteTransaction() throws Exception {
        Path file = dir.resolve("opencode.db");
        try (OpenCodeFixtureDb db = OpenCodeFixtureDb.create(file, "schema-newer.sql")) {
            conversation(db, "ses_a", T - 20_000);
            db.beginWrite();

            long started = System.nanoTime();
            List<OpenCodeSessionRow> rows = new OpenCodeStore(file).recentSessions(clock.instant());

            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
            assertThat(rows).hasSize(1);
            db.commit();
        }
    }

    @Test
    void missingDatabaseFailsWithoutCreatingIt() {
        Path file = dir.resolve("opencode.db");

        assertThatThrownBy(() -> new OpenCodeStore(file).recentSessions(clock.instant()))
                .isInstanceOf(OpenCodeStoreException.class).hasMessageContaining(file.toString());
        assertThat(file).doesNotExist();
    }

    @Test
    void databaseInAFolderWithUriCharactersIsOpened() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("données #1 ?x=y"));
        Path file = folder.resolve("kilo.db");
        try (OpenCodeFixtureDb db = OpenCodeFixtureDb.create(file, "schema-legacy.sql")) {
            conversation(db, "ses_k", T - 1_000);

            assertThat(new OpenCodeStore(file).recentSessions(clock.instant())).hasSize(1);
        }
    }

    @Test
    void unknownSchemaIsAStoreFailure() throws IOException {
        Path file = dir.resolve("opencode.db");
        Files.writeString(file, "not a database");

        assertThatThrownBy(() -> new OpenCodeStore(file).recentSessions(clock.instant()))
                .isInstanceOf(OpenCodeStoreException.class);
    }

    @Test
    void openCode12StoreGivesEachSessionsStatus() throws Exception {
        Path file = dir.resolve("opencode.db");
        String script = new String(OpenCodeStoreTest.class.getResourceAsStream("/fixtures/opencode/schema-1.2.sql")
                .readAllBytes(), StandardCharsets.UTF_8).replaceAll("(?m)^--.*$", "");
        // {NOW}-n, inside JSON documents too, is the instant n ms before now.
        script = Pattern.compile("\\{NOW}-([0-9]+)").matcher(script)
                .replaceAll(m -> Long.toString(T - Long.parseLong(m.group(1)))).replace("{NOW}", Long.toString(T));
        try (Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
             Statement statement = connection.createStatement()) {
            for (String sql : script.split(";\\s*\\n")) {
                if (!sql.isBlank()) {
                    statement.execute(sql);
                }
            }
        }
        OpenCodeSessionParser parser = new OpenCodeSessionParser("opencode");

        Map<String, AgentObservation> threads = new OpenCodeStore(file).recentSessions(clock.instant()).stream()
                .map(row -> parser.parse(row, file.toString()).orElseThrow())
                .collect(Collectors.toMap(AgentObservation::threadId, thread -> thread));

        assertThat(threads).hasSize(4);
        assertThat(threads.get("ses_done").status()).isEqualTo(AgentStatus.DONE);
        assertThat(threads.get("ses_aborted").status()).isEqualTo(AgentStatus.INTERRUPTED);
        assertThat(threads.get("ses_running").status()).isEqualTo(AgentStatus.RUNNING);
        assertThat(threads.get("ses_error").status()).isEqualTo(AgentStatus.ERROR);
        assertThat(threads.get("ses_running").lastUserPrompt()).isEqualTo("run the slow test suite");
        assertThat(threads.values()).extracting(AgentObservation::projectDir).containsOnly("/home/gus/orchard");
    }

    /** A user prompt (a typed part after a synthetic one), a tool call, then the assistant still streaming. */
    static void conversation(OpenCodeFixtureDb db, String session, long updated) throws SQLException {
        db.session(session, "Limiter les requêtes par client", "/home/dev/api-gateway", updated);
        long t = updated - 50_000;
        db.message(session, "msg_a0", t, user("msg_a0", session, t));
        db.part(session, "msg_a0", "prt_a0a", t, textPart("prt_a0a", "msg_a0", session, "ajoute un rate limiter", false));
        db.message(session, "msg_a1", t + 1_000, assistant("msg_a1", session, t + 1_000, "tool-calls", t + 9_000, null));
        db.part(session, "msg_a1", "prt_a1a", t + 1_000, toolPart("prt_a1a", "msg_a1", session, "completed"));
        db.message(session, "msg_a2", t + 20_000, user("msg_a2", session, t + 20_000));
        db.part(session, "msg_a2", "prt_a2a", t + 20_000,
                textPart("prt_a2a", "msg_a2", session, "et maintenant lance les tests", false));
        db.part(session, "msg_a2", "prt_a2b", t + 20_000,
                textPart("prt_a2b", "msg_a2", session, "Called the Read tool with the following input", true));
        db.message(session, "msg_a3", t + 21_000, assistant("msg_a3", session, t + 21_000, null, null, null));
    }
}
