package dev.opensessions.adapters.agents;

import dev.opensessions.adapters.agents.amp.AmpThreadSource;
import dev.opensessions.adapters.agents.claude.ClaudeCodeTranscriptSource;
import dev.opensessions.adapters.agents.codex.CodexTranscriptSource;
import dev.opensessions.adapters.agents.droid.DroidTranscriptSource;
import dev.opensessions.adapters.agents.opencode.OpenCodeStoreSource;
import dev.opensessions.adapters.agents.pi.PiTranscriptSource;
import dev.opensessions.application.port.out.AgentSource;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Builds the file and database sources of every agent docs/reference/agents.md names, from the environment and home
 * folder.
 */
public final class AgentSources {

    private AgentSources() {
    }

    /**
     * One source per agent; none is started.
     *
     * @param env  the server's environment (overrides such as {@code CODEX_HOME})
     * @param home the user's home folder
     */
    public static List<AgentSource> standard(Map<String, String> env, Path home, Clock clock) {
        return List.of(
                new ClaudeCodeTranscriptSource(env, home, clock),
                new CodexTranscriptSource(env, home, clock),
                new PiTranscriptSource(env, home, clock),
                new DroidTranscriptSource(env, home, clock),
                new AmpThreadSource(home, clock),
                OpenCodeStoreSource.openCode(env, home, clock),
                OpenCodeStoreSource.kilo(env, home, clock));
    }
}
