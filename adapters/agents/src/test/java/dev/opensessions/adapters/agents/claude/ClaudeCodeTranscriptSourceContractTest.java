package dev.opensessions.adapters.agents.claude;

import dev.opensessions.application.port.out.AgentSource;
import dev.opensessions.application.port.out.AgentSourceContract;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

import static dev.opensessions.adapters.agents.watch.Transcripts.copy;

/** Holds the Claude Code transcript source to the AgentSource contract, over real transcript files. */
class ClaudeCodeTranscriptSourceContractTest extends AgentSourceContract {

    @TempDir
    Path home;

    @Override
    protected Stage stage() {
        ClaudeCodeTranscriptSource source = new ClaudeCodeTranscriptSource(Map.of(), home, Clock.systemUTC());
        return new Stage() {
            @Override
            public AgentSource source() {
                return source;
            }

            @Override
            public void agentWorks() {
                try {
                    copy("claude-code/pending-tool-no-cwd.jsonl",
                            home.resolve(".claude/projects/-srv-api/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d.jsonl"));
                } catch (IOException failed) {
                    throw new UncheckedIOException(failed);
                }
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }
}
