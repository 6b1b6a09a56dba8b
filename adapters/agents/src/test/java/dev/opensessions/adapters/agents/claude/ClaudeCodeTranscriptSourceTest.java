package dev.opensessions.adapters.agents.claude;

import dev.opensessions.adapters.agents.testsupport.ObservationRecorder;
import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.domain.agent.AgentStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import static dev.opensessions.adapters.agents.watch.Transcripts.append;
import static dev.opensessions.adapters.agents.watch.Transcripts.copy;
import static org.assertj.core.api.Assertions.assertThat;

class ClaudeCodeTranscriptSourceTest {

    private static final String SESSION = "0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";

    @TempDir
    Path home;

    private final ObservationRecorder sink = new ObservationRecorder();
    private ClaudeCodeTranscriptSource source;

    @AfterEach
    void close() {
        source.close();
    }

    @Test
    void aTranscriptGrowingInHomeChangesTheThread() throws IOException {
        source = new ClaudeCodeTranscriptSource(Map.of(), home, Clock.systemUTC());
        source.start(sink);
        Path file = copy("claude-code/pending-tool-no-cwd.jsonl",
                home.resolve(".claude/projects/-home-alice-weird-name-v2/" + SESSION + ".jsonl"));

        AgentObservation pending = sink.await("pending tool call", o -> o.status() == AgentStatus.RUNNING);
        assertThat(pending.agent()).isEqualTo("claude-code");
        assertThat(pending.threadId()).isEqualTo(SESSION);
        assertThat(pending.endsInToolCall()).isTrue();
        assertThat(pending.projectDir()).isEqualTo("__encoded__:-home-alice-weird-name-v2");
        assertThat(pending.threadName()).isEqualTo("delete the build caches under ./tmp and rebuild");
        assertThat(pending.origin()).isEqualTo(file.toString());

        append(file,
                "{\"type\":\"user\",\"cwd\":\"/home/alice/weird_name.v2\",\"message\":{\"role\":\"user\",\"content\":[{\"tool_use_id\":\"toolu_01rm\",\"type\":\"tool_result\",\"content\":\"\"}]}}",
                "{\"type\":\"assistant\",\"cwd\":\"/home/alice/weird_name.v2\",\"message\":{\"role\":\"assistant\",\"content\":[{\"type\":\"text\",\"text\":\"Caches cleared, build green.\"}],\"stop_reason\":\"end_turn\"}}");

        AgentObservation done = sink.await("done after the tool ran", o -> o.status() == AgentStatus.DONE);
        assertThat(done.projectDir()).isEqualTo("/home/alice/weird_name.v2");
        assertThat(done.endsInToolCall()).isFalse();
    }

    @Test
    void claudeConfigDirMovesTheProjectsAndSubagentTranscriptsAreNoThreads() throws IOException {
        Path config = home.resolve("elsewhere");
        copy("claude-code/exit.jsonl", config.resolve("projects/-srv-shop/77aa88bb-99cc-4ddd-8eee-ff0011223344.jsonl"));
        copy("claude-code/interrupted-with-title.jsonl",
                config.resolve("projects/-srv-shop/77aa88bb-99cc-4ddd-8eee-ff0011223344/subagents/agent-1.jsonl"));
        copy("claude-code/interrupted-with-title.jsonl", home.resolve(".claude/projects/-srv-shop/ignored.jsonl"));
        source = new ClaudeCodeTranscriptSource(Map.of("CLAUDE_CONFIG_DIR", config.toString()), home,
                Clock.systemUTC());

        source.start(sink);

        AgentObservation done = sink.await("the exit transcript", o -> o.status() == AgentStatus.DONE);
        assertThat(done.threadId()).isEqualTo("77aa88bb-99cc-4ddd-8eee-ff0011223344");
        assertThat(sink.all()).extracting(AgentObservation::threadId).containsOnly(done.threadId());
    }

    @Test
    void aTaskSubagentWritingBesideItsParentKeepsTheParentActiveAndIsNoThreadOfItsOwn() throws IOException {
        String parentId = "8d3f1a60-2b7c-4e95-a0d4-6c1e9f2b7a58";
        Path folder = home.resolve(".claude/projects/-home-dana-garden-planner");
        Path parent = copy("claude-code/subagent/-home-dana-garden-planner/" + parentId + ".jsonl",
                folder.resolve(parentId + ".jsonl"));
        Instant parentWritten = Instant.now().minusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
        Files.setLastModifiedTime(parent, FileTime.from(parentWritten));
        source = new ClaudeCodeTranscriptSource(Map.of(), home, Clock.systemUTC());
        source.start(sink);

        AgentObservation working = sink.await("the parent's Task at work", o -> o.status() == AgentStatus.TOOL_RUNNING);
        assertThat(working.lastActivity()).isEqualTo(parentWritten);
        assertThat(working.evidence().getFirst()).contains("progress agent_progress of Task -> tool-running");

        copy("claude-code/subagent/-home-dana-garden-planner/" + parentId + "/subagents/agent-b41c9d2.jsonl",
                folder.resolve(parentId + "/subagents/agent-b41c9d2.jsonl"));

        AgentObservation refreshed = sink.await("the parent refreshed by its subagent",
                o -> o.lastActivity().isAfter(parentWritten.plusSeconds(30)));
        assertThat(refreshed.threadId()).isEqualTo(parentId);
        assertThat(refreshed.status()).isEqualTo(AgentStatus.TOOL_RUNNING);
        assertThat(sink.all()).extracting(AgentObservation::threadId).containsOnly(parentId);
    }
}
