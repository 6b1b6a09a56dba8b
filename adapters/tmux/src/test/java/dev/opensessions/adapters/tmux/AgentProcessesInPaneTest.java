package dev.opensessions.adapters.tmux;

import dev.opensessions.application.port.out.AgentProcessReader.RunningAgent;
import dev.opensessions.application.testkit.Await;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Agent programs in the panes of a real private tmux server: a copy of {@code sleep} named like the agent's
 * binary, run as a pane's program or from its shell, found through /proc with its pane and working directory.
 */
class AgentProcessesInPaneTest extends InPaneTest {

    private static final Set<String> AGENTS = Set.of("claude-code", "codex", "pi");

    @Test
    void anAgentRunAsThePanesProgramIsFoundWithItsPaneAndDirectory() throws IOException {
        startTmux();
        Path project = Files.createDirectories(dir.resolve("project"));
        Path claude = agentBinary("claude");
        running.tmux.run("new-session", "-d", "-s", "work", "-c", project.toString(), claude.toString(), "600");
        String pane = running.tmux.run("display-message", "-p", "-t", "=work:", "#{pane_id}").getFirst();
        running.awaitModel(s -> s.panes().stream().anyMatch(p -> p.id().equals(pane)), "the work pane listed");

        List<RunningAgent> found = running.adapter.agentProcesses().living(AGENTS).orElseThrow();

        assertThat(found).singleElement().satisfies(agent -> {
            assertThat(agent.agent()).isEqualTo("claude-code");
            assertThat(agent.name()).isEqualTo("claude");
            assertThat(agent.pane().value()).isEqualTo(pane);
            assertThat(agent.cwd()).isEqualTo(project.toRealPath().toString());
        });
    }

    @Test
    void anAgentStartedFromThePanesShellIsFoundAndItsEndIsSignalled() throws IOException {
        startTmux();
        Path codex = agentBinary("codex");
        running.tmux.run("new-session", "-d", "-s", "shell", "-c", dir.toString(), "/bin/sh");
        AtomicInteger changes = new AtomicInteger();
        running.adapter.agentProcesses().onChange(changes::incrementAndGet);
        Await.until(() -> changes.get() >= 1, Duration.ofSeconds(20), "the first picture signalled");
        int before = changes.get();

        running.tmux.run("send-keys", "-t", "=shell:", "-l", codex + " 600");
        running.tmux.run("send-keys", "-t", "=shell:", "Enter");
        running.awaitModel(s -> s.panes().stream().anyMatch(p -> p.command().equals("codex")),
                "tmux reports codex as the pane's program");
        Await.until(() -> changes.get() > before, Duration.ofSeconds(10), "the pane's new program signalled");
        assertThat(running.adapter.agentProcesses().living(AGENTS).orElseThrow())
                .extracting(RunningAgent::name).containsExactly("codex");
        int started = changes.get();

        running.tmux.run("send-keys", "-t", "=shell:", "C-c");

        Await.until(() -> changes.get() > started, Duration.ofSeconds(10), "the agent's end signalled");
        Await.until(() -> running.adapter.agentProcesses().living(AGENTS).orElseThrow().isEmpty(),
                Duration.ofSeconds(10), "codex gone");
    }

    @Test
    void otherProgramsAndUnwatchedAgentsAreNotAgents() throws IOException {
        startTmux();
        running.tmux.run("new-session", "-d", "-s", "plain", "-c", dir.toString(), agentBinary("amp").toString(),
                "600");
        running.tmux.run("new-session", "-d", "-s", "sleeping", "-c", dir.toString(), "sleep", "600");
        running.awaitModel(s -> s.panes().size() >= 3, "three panes listed");

        assertThat(running.adapter.agentProcesses().living(AGENTS).orElseThrow()).isEmpty();
        assertThat(running.adapter.agentProcesses().living(Set.of("amp")).orElseThrow())
                .extracting(RunningAgent::name).containsExactly("amp");
    }

    /** A copy of sleep under the agent's binary name: the kernel names the process after the file. */
    private Path agentBinary(String name) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path copy = bin.resolve(name);
        Files.copy(Path.of("/bin/sleep"), copy, StandardCopyOption.REPLACE_EXISTING);
        copy.toFile().setExecutable(true);
        return copy;
    }
}
