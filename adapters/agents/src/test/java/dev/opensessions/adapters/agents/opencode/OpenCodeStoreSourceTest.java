package dev.opensessions.adapters.agents.opencode;

import dev.opensessions.adapters.agents.testsupport.ObservationRecorder;
import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.domain.agent.AgentStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import static dev.opensessions.adapters.agents.opencode.OpenCodeMessages.assistant;
import static dev.opensessions.adapters.agents.opencode.OpenCodeMessages.user;
import static org.assertj.core.api.Assertions.assertThat;

class OpenCodeStoreSourceTest {

    @TempDir
    Path dir;

    private final ObservationRecorder sink = new ObservationRecorder();
    private OpenCodeStoreSource source;

    @AfterEach
    void close() {
        if (source != null) {
            source.close();
        }
    }

    @Test
    void reportsRecentSessionsThenEachWriteToTheWriteAheadLog() throws Exception {
        Path file = dir.resolve("opencode.db");
        long now = System.currentTimeMillis();
        try (OpenCodeFixtureDb db = OpenCodeFixtureDb.create(file, "schema-newer.sql")) {
            OpenCodeStoreTest.conversation(db, "ses_a", now);
            start(file);
            AgentObservation streaming = sink.await("streaming session", o -> o.threadId().equals("ses_a"));
            assertThat(streaming.status()).isEqualTo(AgentStatus.RUNNING);
            assertThat(streaming.agent()).isEqualTo("opencode");

            db.message("ses_a", "msg_a3", now + 1, assistant("msg_a3", "ses_a", now, "stop", now + 1, null));
            db.touch("ses_a", now + 1);

            assertThat(dir.resolve("opencode.db-wal")).exists();
            sink.await("finished turn", o -> o.status() == AgentStatus.DONE);
        }
    }

    @Test
    void writeThatChangesNoSessionReportsNothing() throws Exception {
        Path file = dir.resolve("opencode.db");
        long now = System.currentTimeMillis();
        try (OpenCodeFixtureDb db = OpenCodeFixtureDb.create(file, "schema-legacy.sql")) {
            OpenCodeStoreTest.conversation(db, "ses_a", now);
            start(file);
            sink.await("streaming session", o -> o.threadId().equals("ses_a"));

            db.beginWrite();
            db.commit();
            db.session("ses_b", "Nouvelle session", "/home/dev/web", now + 5);
            db.message("ses_b", "msg_b0", now + 5, user("msg_b0", "ses_b", now + 5));

            sink.await("second session", o -> o.threadId().equals("ses_b"));
            assertThat(sink.all()).filteredOn(o -> o.threadId().equals("ses_a")).hasSize(1);
        }
    }

    @Test
    void databaseCreatedAfterStartIsRead() throws Exception {
        Path file = dir.resolve("kilo.db");
        start(file);

        try (OpenCodeFixtureDb db = OpenCodeFixtureDb.create(file, "schema-newer.sql")) {
            OpenCodeStoreTest.conversation(db, "ses_k", System.currentTimeMillis());

            assertThat(sink.await("kilo session", o -> o.threadId().equals("ses_k")).origin())
                    .isEqualTo(file + "#session=ses_k");
        }
    }

    @Test
    void environmentChoosesTheDatabases() throws Exception {
        Path home = dir.resolve("home");
        Path custom = Files.createDirectories(dir.resolve("custom"));
        long now = System.currentTimeMillis();
        try (OpenCodeFixtureDb openCode = OpenCodeFixtureDb.create(custom.resolve("oc.db"), "schema-newer.sql");
             OpenCodeFixtureDb kilo = OpenCodeFixtureDb.create(custom.resolve("k.db"), "schema-legacy.sql")) {
            OpenCodeStoreTest.conversation(openCode, "ses_oc", now);
            OpenCodeStoreTest.conversation(kilo, "ses_kilo", now);
            Map<String, String> env = Map.of("OPENCODE_DB", custom.resolve("ignored.db").toString(),
                    "OPENCODE_DB_PATH", custom.resolve("oc.db").toString(), "KILO_DB_PATH", custom.resolve("k.db").toString());

            try (OpenCodeStoreSource oc = OpenCodeStoreSource.openCode(env, home, Clock.systemUTC());
                 OpenCodeStoreSource k = OpenCodeStoreSource.kilo(env, home, Clock.systemUTC())) {
                oc.start(sink);
                k.start(sink);

                assertThat(sink.await("opencode", o -> o.threadId().equals("ses_oc")).agent()).isEqualTo("opencode");
                assertThat(sink.await("kilo", o -> o.threadId().equals("ses_kilo")).agent()).isEqualTo("kilo");
            }
        }
    }

    @Test
    void defaultDatabasesLiveUnderLocalShare() throws Exception {
        Path home = dir.resolve("home");
        Path db = Files.createDirectories(home.resolve(".local/share/opencode")).resolve("opencode.db");
        try (OpenCodeFixtureDb fixture = OpenCodeFixtureDb.create(db, "schema-newer.sql")) {
            OpenCodeStoreTest.conversation(fixture, "ses_default", System.currentTimeMillis());
            Map<String, String> env = Map.of("OPENCODE_DB", db.toString());
            source = OpenCodeStoreSource.openCode(Map.of(), home, Clock.systemUTC());
            source.start(sink);

            sink.await("default opencode", o -> o.threadId().equals("ses_default"));
            try (OpenCodeStoreSource fallback = OpenCodeStoreSource.openCode(env, dir.resolve("elsewhere"),
                    Clock.systemUTC())) {
                ObservationRecorder other = new ObservationRecorder();
                fallback.start(other);
                other.await("OPENCODE_DB", o -> o.threadId().equals("ses_default"));
            }
        }
    }

    private void start(Path file) {
        source = new OpenCodeStoreSource(file.getFileName().toString().startsWith("kilo") ? "kilo" : "opencode",
                file, Clock.systemUTC(), Duration.ofSeconds(30));
        source.start(sink);
    }
}
