package dev.opensessions.adapters.tmux.ports;

import dev.opensessions.application.testkit.Await;
import dev.opensessions.domain.agent.screen.AgentProgram;
import dev.opensessions.domain.session.PaneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** An agent whose program is named only by its screen rule, found in a real process tree through the real /proc. */
class ProcAgentProcessesRulesTest {

    @TempDir
    Path dir;

    private Process shell;

    @AfterEach
    void stop() {
        if (shell != null) {
            shell.descendants().forEach(ProcessHandle::destroyForcibly);
            shell.destroyForcibly();
        }
    }

    @Test
    void anAgentNamedOnlyByAScreenRuleIsFoundBelowThePanesProcess() throws IOException {
        Path qwen = dir.resolve("qwen");
        Files.copy(Path.of("/bin/sleep"), qwen, StandardCopyOption.REPLACE_EXISTING);
        qwen.toFile().setExecutable(true);
        shell = new ProcessBuilder("/bin/sh", "-c", "\"$0\" 600; true", qwen.toString()).start();
        PaneId pane = PaneId.of("%7");
        Map<PaneId, Long> panes = Map.of(pane, shell.pid());
        List<AgentProgram> rules = List.of(new AgentProgram("qwen-code", Set.of("qwen"), Set.of(), List.of()));
        ProcAgentProcesses withRules = new ProcAgentProcesses(Path.of("/proc"), rules);

        Await.until(() -> !withRules.living(panes, Set.of("qwen-code")).isEmpty(),
                Duration.ofSeconds(10), "qwen started below the shell");

        assertThat(withRules.living(panes, Set.of("qwen-code"))).singleElement().satisfies(agent -> {
            assertThat(agent.agent()).isEqualTo("qwen-code");
            assertThat(agent.name()).isEqualTo("qwen");
            assertThat(agent.pane()).isEqualTo(pane);
        });
        assertThat(new ProcAgentProcesses(Path.of("/proc")).living(panes, Set.of("qwen-code")))
                .as("without the rule, qwen-code is looked for under its own name only").isEmpty();
    }
}
