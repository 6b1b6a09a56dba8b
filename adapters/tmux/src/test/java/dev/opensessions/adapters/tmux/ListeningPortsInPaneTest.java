package dev.opensessions.adapters.tmux;

import dev.opensessions.adapters.tmux.ports.PortScanner;
import dev.opensessions.adapters.tmux.ports.ProcListeningPorts;
import dev.opensessions.application.testkit.Await;
import dev.opensessions.testkit.PrivateTmux;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A real listener started from a pane's shell in a private tmux server ({@link PrivateTmux}), found through
 * /proc.
 */
class ListeningPortsInPaneTest {

    private static final String PYTHON = "/usr/bin/python3";

    /** Listens on an ephemeral loopback port, publishes "port pid ppid" atomically, then waits to be killed. */
    private static final List<String> LISTENER = List.of(
            "import os, socket, sys, time",
            "s = socket.socket()",
            "s.bind(('127.0.0.1', 0))",
            "s.listen()",
            "with open(sys.argv[1] + '.tmp', 'w') as f:",
            "    f.write('%d %d %d' % (s.getsockname()[1], os.getpid(), os.getppid()))",
            "os.rename(sys.argv[1] + '.tmp', sys.argv[1])",
            "time.sleep(120)");

    @TempDir
    Path dir;

    private final List<AutoCloseable> started = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable each : started.reversed()) {
            each.close();
        }
    }

    @Test
    void aPortOpenedByAChildOfThePaneShellIsThatPanesPort() throws IOException {
        PrivateTmux tmux = start(PrivateTmux.withSession("base"));
        shellSession(tmux, "web");
        shellSession(tmux, "quiet");
        long webShell = panePid(tmux, "web");
        long quietShell = panePid(tmux, "quiet");
        long[] listener = startListener(tmux, "web");

        assertThat(listener[2]).as("the listener is a child of the shell, not the shell").isEqualTo(webShell);
        Map<Long, SortedSet<Integer>> ports = new ProcListeningPorts(Path.of("/proc"))
                .scan(Set.of(webShell, quietShell));

        assertThat(ports.get(webShell)).contains((int) listener[0]);
        assertThat(ports.get(quietShell)).doesNotContain((int) listener[0]);
    }

    @Test
    void theScannerTellsOfTheNewPortWhileDisplayed() throws IOException {
        PrivateTmux tmux = start(PrivateTmux.withSession("base"));
        shellSession(tmux, "api");
        long shell = panePid(tmux, "api");
        long[] listener = startListener(tmux, "api");
        List<Map<Long, SortedSet<Integer>>> heard = new CopyOnWriteArrayList<>();
        PortScanner scanner = start(PortScanner.withOwnThread(new ProcListeningPorts(Path.of("/proc")),
                Duration.ofSeconds(10), heard::add));

        scanner.setRoots(Set.of(shell));
        scanner.setDemand(true);

        Await.until(() -> heard.stream().anyMatch(result -> result.getOrDefault(shell, emptyPorts())
                .contains((int) listener[0])), Duration.ofSeconds(10), "port " + listener[0] + " reported");
    }

    /** Types the listener command into the session's shell and returns its port, pid and parent pid. */
    private long[] startListener(PrivateTmux tmux, String session) throws IOException {
        Path script = Files.write(dir.resolve("listen-" + session + ".py"), LISTENER);
        Path published = dir.resolve("port-" + session);
        tmux.run("send-keys", "-t", "=" + session + ":", "-l", PYTHON + " " + script + " " + published);
        tmux.run("send-keys", "-t", "=" + session + ":", "Enter");
        Await.until(() -> Files.exists(published), Duration.ofSeconds(10), "listener published its port");
        String[] fields = Files.readString(published).trim().split(" ");
        long[] listener = {Long.parseLong(fields[0]), Long.parseLong(fields[1]), Long.parseLong(fields[2])};
        // The tmux server going away hangs the shell up, which ends the listener; this is the sure way.
        started.add(() -> ProcessHandle.of(listener[1]).ifPresent(ProcessHandle::destroy));
        return listener;
    }

    /**
     * A session whose pane runs a plain interactive sh: a login shell reads the user's profile, which can stall
     * (a pyenv rehash waiting on its lock did here) and would make the test depend on someone's dotfiles. Two
     * words, so tmux starts the shell itself rather than through {@code $SHELL -c}: the pane's pid is that shell.
     */
    private static void shellSession(PrivateTmux tmux, String session) {
        tmux.run("new-session", "-d", "-s", session, "/bin/sh", "-i");
    }

    private static long panePid(PrivateTmux tmux, String session) {
        return Long.parseLong(tmux.run("display-message", "-p", "-t", "=" + session + ":", "#{pane_pid}").getFirst());
    }

    private <T extends AutoCloseable> T start(T resource) {
        started.add(resource);
        return resource;
    }

    private static SortedSet<Integer> emptyPorts() {
        return new TreeSet<>();
    }
}
