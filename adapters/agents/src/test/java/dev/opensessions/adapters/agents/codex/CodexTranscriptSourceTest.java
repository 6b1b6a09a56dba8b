package dev.opensessions.adapters.agents.codex;

import dev.opensessions.adapters.agents.testsupport.ObservationRecorder;
import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.domain.agent.AgentStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static dev.opensessions.adapters.agents.watch.Transcripts.append;
import static dev.opensessions.adapters.agents.watch.Transcripts.copy;
import static org.assertj.core.api.Assertions.assertThat;

class CodexTranscriptSourceTest {

    private static final String DONE = "rollout-2025-11-20T10-00-03-0199a7c2-5be1-7d40-9f3e-2c81a6d40b17.jsonl";
    private static final String ABORTED = "rollout-2025-11-20T10-12-40-0199a7d0-1111-7aaa-8bbb-0c0d0e0f1a2b.jsonl";

    @TempDir
    Path dir;

    private final ObservationRecorder sink = new ObservationRecorder();
    private CodexTranscriptSource source;

    @AfterEach
    void close() {
        source.close();
    }

    @Test
    void codexHomeHoldsTheRolloutsAndTheIndexNamesThem() throws IOException {
        Path codexHome = dir.resolve("codex-home");
        copy("codex/session_index.jsonl", codexHome.resolve("session_index.jsonl"));
        copy("codex/" + DONE, codexHome.resolve("sessions/2025/11/20/" + DONE));
        copy("codex/" + DONE, dir.resolve("home/.codex/sessions/2025/11/20/" + DONE));
        source = new CodexTranscriptSource(Map.of("CODEX_HOME", codexHome.toString()), dir.resolve("home"),
                Clock.systemUTC());

        source.start(sink);

        AgentObservation done = sink.await("named thread", o -> o.status() == AgentStatus.DONE);
        assertThat(done.threadId()).isEqualTo("0199a7c2-5be1-7d40-9f3e-2c81a6d40b17");
        assertThat(done.threadName()).isEqualTo("Zürich CSV import + tests");
        assertThat(done.origin()).startsWith(codexHome.toString());
        assertThat(done.evidence()).contains("1 malformed line(s) skipped");
        assertThat(sink.all()).hasSize(1);
    }

    @Test
    void aRenameInTheIndexAndANewRolloutFolderAreFollowed() throws IOException {
        Path codexHome = dir.resolve(".codex");
        copy("codex/session_index.jsonl", codexHome.resolve("session_index.jsonl"));
        source = new CodexTranscriptSource(Map.of(), dir, Clock.systemUTC());
        source.start(sink);
        copy("codex/" + ABORTED, codexHome.resolve("sessions/2025/11/21/" + ABORTED));
        sink.await("aborted thread", o -> o.status() == AgentStatus.INTERRUPTED
                && "staging migration".equals(o.threadName()));

        append(codexHome.resolve("session_index.jsonl"),
                "{\"id\":\"0199a7d0-1111-7aaa-8bbb-0c0d0e0f1a2b\",\"thread_name\":\"Staging migration (aborted) 🚧\"}");

        AgentObservation renamed = sink.await("renamed", o -> "Staging migration (aborted) 🚧".equals(o.threadName()));
        assertThat(renamed.status()).isEqualTo(AgentStatus.INTERRUPTED);
        assertThat(renamed.projectDir()).isEqualTo("/home/bob/ledger");
    }
}
