package dev.opensessions.adapters.agents;

import dev.opensessions.application.port.out.AgentSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AgentSourcesStandardTest {

    @TempDir
    Path home;

    @Test
    void everyAgentHasASourceThatStartsAndClosesOnAnEmptyHome() {
        List<AgentSource> sources = AgentSources.standard(Map.of(), home, Clock.systemUTC());
        try {
            sources.forEach(source -> source.start(observation -> {
                throw new AssertionError("an empty home has no threads: " + observation);
            }));
        } finally {
            sources.forEach(AgentSource::close);
        }

        assertThat(sources).extracting(AgentSource::agent)
                .contains("claude-code", "codex", "pi", "droid", "amp", "opencode", "kilo");
    }
}
