package dev.opensessions.adapters.agents.pi;

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

class PiTranscriptSourceTest {

    private static final String FILE = "2025-11-20T11-20-00-000Z_d00d1e55-aaaa-4bbb-8ccc-dddddddddddd.jsonl";

    @TempDir
    Path dir;

    private final ObservationRecorder sink = new ObservationRecorder();
    private PiTranscriptSource source;

    @AfterEach
    void close() {
        if (source != null) {
            source.close();
        }
    }

    @Test
    void piAgentDirHoldsTheSessionsAndTheThreadFollowsTheFile() throws IOException {
        Path agentDir = dir.resolve("pi-agent");
        source = new PiTranscriptSource(Map.of("PI_CODING_AGENT_DIR", agentDir.toString()), dir, Clock.systemUTC());
        source.start(sink);
        Path file = copy("pi/--home-carol-site--/" + FILE, agentDir.resolve("sessions/--home-carol-site--/" + FILE));

        AgentObservation running = sink.await("running", o -> o.status() == AgentStatus.RUNNING);
        assertThat(running.agent()).isEqualTo("pi");
        assertThat(running.threadId()).isEqualTo("d00d1e55-aaaa-4bbb-8ccc-dddddddddddd");

        append(file, "{\"type\":\"message\",\"id\":\"z1\",\"parentId\":null,\"timestamp\":\"2025-11-20T11:21:00Z\","
                + "\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"A type error in Größe.ts\"}],"
                + "\"stopReason\":\"stop\"}}");

        sink.await("done", o -> o.status() == AgentStatus.DONE);
    }

    @Test
    void theSessionDirVariableWinsOverTheAgentDir() {
        Map<String, String> env = Map.of("PI_CODING_AGENT_SESSION_DIR", "/s", "PI_CODING_AGENT_DIR", "/a");
        assertThat(PiTranscriptSource.sessionsDir(env, dir)).isEqualTo(Path.of("/s"));
        assertThat(PiTranscriptSource.sessionsDir(Map.of("PI_CODING_AGENT_DIR", "/a"), dir))
                .isEqualTo(Path.of("/a/sessions"));
        assertThat(PiTranscriptSource.sessionsDir(Map.of(), dir)).isEqualTo(dir.resolve(".pi/agent/sessions"));
    }
}
