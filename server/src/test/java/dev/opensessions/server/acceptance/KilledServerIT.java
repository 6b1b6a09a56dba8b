package dev.opensessions.server.acceptance;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A server killed with {@code kill -9} while tmux still holds output for its control client takes that client
 * with it (docs/explanation/tmux-control-mode.md, "A killed server"): the next server is the only control client,
 * and {@code tmux kill-server} ends the tmux server. Left behind, the client would keep tmux 3.3a waiting for it
 * forever.
 */
class KilledServerIT extends AcceptanceTest {

    private static final Duration GONE = Duration.ofSeconds(20);

    @Test
    void aKilledServersControlClientEndsWithItAndKillServerEndsTmux() throws Exception {
        String pane = session("alpha");
        attach("alpha");
        startFrom(pane);
        ProcessHandle server = opensessions.process().orElseThrow();
        Eventually.until(() -> controlClients().size() == 1, "the server's control client attached",
                () -> String.join("\n", clients()));
        long orphan = controlClients().getFirst();

        // Stopped, the server reads nothing; tmux then queues what it writes to the control client, as it does
        // for a server that is slow to read on a busy machine when it is killed.
        signal("STOP", server.pid());
        Path renames = home.resolve("renames.tmux");
        Files.writeString(renames, IntStream.range(0, 8000)
                .mapToObj(i -> "rename-window -t alpha: a-window-with-a-long-name-" + i)
                .collect(Collectors.joining("\n", "", "\n")));
        tmux.run("source-file", renames.toString());
        signal("KILL", server.pid());
        Eventually.until(() -> !server.isAlive(), GONE, "the server gone", () -> "pid " + server.pid());

        Eventually.until(() -> ProcessHandle.of(orphan).filter(ProcessHandle::isAlive).isEmpty(), GONE,
                "the killed server's control client ended", () -> String.join("\n", clients()));
        opensessions.start(pane);
        Eventually.until(() -> controlClients().size() == 1 && controlClients().getFirst() != orphan,
                "the new server's control client attached", () -> String.join("\n", clients()));
        assertThat(controlClients()).as("exactly one control client").hasSize(1);

        ProcessHandle tmuxServer = ProcessHandle.of(Long.parseLong(tmux.format(pane, "#{pid}"))).orElseThrow();
        tmux.run("kill-server");
        Eventually.until(() -> !tmuxServer.isAlive(), GONE, "the tmux server exited after kill-server",
                () -> "tmux pid " + tmuxServer.pid());
    }

    private List<String> clients() {
        return tmux.tryRun("list-clients", "-F", "#{client_pid} #{client_control_mode}").lines()
                .filter(line -> !line.isBlank()).toList();
    }

    private List<Long> controlClients() {
        return clients().stream().filter(line -> line.endsWith(" 1"))
                .map(line -> Long.parseLong(line.substring(0, line.indexOf(' ')))).toList();
    }

    private static void signal(String name, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start();
        assertThat(kill.waitFor()).as("kill -" + name + " " + pid).isZero();
    }
}
