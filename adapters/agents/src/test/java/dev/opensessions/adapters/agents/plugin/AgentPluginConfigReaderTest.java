package dev.opensessions.adapters.agents.plugin;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AgentPluginConfigReaderTest {

    @TempDir
    Path dir;

    @Test
    void readsDeclaredPluginsInOrder() throws IOException {
        Path config = write("""
                {
                  "theme": "catppuccin-mocha",
                  "plugins": [],
                  "agentPlugins": [
                    {"name": "gemini", "command": ["/usr/local/bin/gemini-state", "--json", "--dir=/home/dév"]},
                    {"name": "kimi.watch", "command": ["kimi-watch"]}
                  ]
                }
                """);

        assertThat(new AgentPluginConfigReader(config).read()).containsExactly(
                new AgentPlugin("gemini", List.of("/usr/local/bin/gemini-state", "--json", "--dir=/home/dév")),
                new AgentPlugin("kimi.watch", List.of("kimi-watch")));
    }

    @Test
    void eachPluginBecomesACommandSource() throws IOException {
        Path config = write("{\"agentPlugins\": [{\"name\": \"gemini\", \"command\": [\"gemini-state\"]}]}");

        assertThat(new AgentPluginConfigReader(config).sources(Clock.systemUTC()))
                .singleElement().satisfies(source -> assertThat(source.agent()).isEqualTo("plugin:gemini"));
    }

    @Test
    void badEntriesAreSkippedAndTheRestKept() throws IOException {
        Path config = write("""
                {"agentPlugins": [
                  {"name": "shell", "command": "gemini-state --json"},
                  {"name": "empty", "command": []},
                  {"name": "../escape", "command": ["x"]},
                  {"name": "numbers", "command": ["x", 3]},
                  {"command": ["nameless"]},
                  {"name": "ok", "command": ["ok-1"]},
                  {"name": "ok", "command": ["ok-2"]}
                ]}
                """);

        assertThat(new AgentPluginConfigReader(config).read())
                .containsExactly(new AgentPlugin("ok", List.of("ok-1")));
    }

    @Test
    void missingMalformedOrPluginlessConfigDeclaresNone() throws IOException {
        assertThat(new AgentPluginConfigReader(dir.resolve("absent.json")).read()).isEmpty();
        assertThat(new AgentPluginConfigReader(write("{\"agentPlugins\": [")).read()).isEmpty();
        assertThat(new AgentPluginConfigReader(write("{\"plugins\": []}")).read()).isEmpty();
        assertThat(new AgentPluginConfigReader(write("{\"agentPlugins\": {\"name\": \"x\"}}")).read()).isEmpty();
        assertThat(new AgentPluginConfigReader(write("")).read()).isEmpty();
    }

    private Path write(String json) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "config", ".json"), json);
    }
}
