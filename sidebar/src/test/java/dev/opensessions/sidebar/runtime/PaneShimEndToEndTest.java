package dev.opensessions.sidebar.runtime;

import dev.opensessions.application.security.ControlToken;
import dev.opensessions.application.testkit.Await;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.testkit.PrivateTmux;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The real shim in a real tmux pane, connected to a real listener running the counter program. */
class PaneShimEndToEndTest {

    private static final Path SHIM = Path.of("..", "bin", "opensessions-pane").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private final CounterProgram program = new CounterProgram();
    private final FakeState state = new FakeState();
    private SidebarTerminalServer<CounterProgram.State> server;
    private PrivateTmux tmux;
    private Path tokenFile;

    @BeforeEach
    void start() throws IOException {
        assertThat(SHIM).isExecutable();
        tokenFile = Files.writeString(dir.resolve("token"), PaneClient.TOKEN + "\n");
        Files.setPosixFilePermissions(tokenFile, PosixFilePermissions.fromString("rw-------"));
        tmux = PrivateTmux.withSession("main", 100, 30, "cat");
        // The shim leaves its size to the server, which asks the real tmux, as the server's SidebarHost does.
        server = new SidebarTerminalServer<>(0, new ControlToken(PaneClient.TOKEN), program, state, state,
                (pane, effect, reply) -> { }, Clock.systemUTC(), pane -> { }, this::tmuxSize);
    }

    @AfterEach
    void stop() {
        tmux.close();
        server.close();
    }

    @Test
    void theShimShowsTheProgramTakesKeysAndClosesWithIt() throws IOException {
        long created = System.nanoTime();
        String pane = spawnSidebar(server.port());
        awaitRow(pane, 0, "pane=" + pane);
        long firstPaint = System.nanoTime() - created;
        assertThat(tmux.capture(pane).get(4)).isEqualTo("size=26x30");

        tmux.run("send-keys", "-t", pane, "x");
        awaitRow(pane, 1, "keys=1");
        for (String[] key : new String[][] {{"Enter", "ENTER"}, {"BTab", "BACK_TAB"}, {"M-Up", "M-UP"}, {"Up", "UP"}, {"7", "7"}}) {
            tmux.run("send-keys", "-t", pane, key[0]);
            awaitRow(pane, 2, "last=" + key[1]);
        }

        tmux.run("resize-pane", "-t", pane, "-x", "32");
        server.resize(PaneId.of(pane), 32, 30);
        awaitRow(pane, 4, "size=32x30");

        report(pane, firstPaint);

        tmux.run("send-keys", "-t", pane, "C-c");
        Await.until(() -> !tmux.run("list-panes", "-a", "-F", "#{pane_id}").contains(pane), Duration.ofSeconds(5), "pane closed");
        Await.until(() -> server.panes().isEmpty(), Duration.ofSeconds(5), "session ended");
    }

    @Test
    void firstPaintTimesOverSeveralPanes() {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            long created = System.nanoTime();
            String pane = spawnSidebar(server.port());
            awaitRow(pane, 0, "pane=" + pane);
            millis.add(Duration.ofNanos(System.nanoTime() - created).toMillis());
            tmux.run("kill-pane", "-t", pane);
        }
        System.out.println("MEASURED first paint after split-window, 5 panes (ms): " + millis);
        assertThat(millis).hasSize(5);
    }

    @Test
    void withoutAServerTheShimSaysSoAndFails() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        // A terminal of its own from script(1): the shim's message and exit status are read exactly,
        // not from a dead pane's screen.
        ProcessBuilder builder = new ProcessBuilder("script", "-qefc", SHIM.toString(), "/dev/null")
                .redirectErrorStream(true);
        builder.environment().put("OPENSESSIONS_SIDEBAR_PORT", Integer.toString(closedPort));
        builder.environment().put("OPENSESSIONS_TOKEN_FILE", tokenFile.toString());
        builder.environment().put("TMUX_PANE", "%1");
        Process shim = builder.start();
        shim.getOutputStream().close();
        String output = new String(shim.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(shim.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).as("shim finished").isTrue();
        assertThat(shim.exitValue()).isEqualTo(1);
        assertThat(output.strip()).isEqualTo("opensessions-pane: no opensessions server on port " + closedPort);
    }

    /** Started as the server starts it: {@code bash <shim>}, which tmux executes without a shell. */
    private String spawnSidebar(int port) {
        return tmux.run("split-window", "-hb", "-f", "-l", "26", "-t", "main", "-P", "-F", "#{pane_id}",
                "-e", "OPENSESSIONS_SIDEBAR_PORT=" + port, "-e", "OPENSESSIONS_TOKEN_FILE=" + tokenFile,
                "bash", SHIM.toString()).getFirst();
    }

    private Optional<PaneSizes.Size> tmuxSize(PaneId pane) {
        List<String> answer = tmux.run("display-message", "-p", "-t", pane.value(), "#{pane_width} #{pane_height}");
        String[] cells = answer.getFirst().split(" ");
        return Optional.of(new PaneSizes.Size(Integer.parseInt(cells[0]), Integer.parseInt(cells[1])));
    }

    private void awaitRow(String pane, int row, String text) {
        Await.until(() -> {
            List<String> screen = tmux.capture(pane);
            return screen.size() > row && screen.get(row).equals(text);
        }, Duration.ofSeconds(5), pane + " row " + row + " reads " + text);
    }

    /** Prints (does not assert) the budget figures: first paint, and RSS/PSS of the shim's processes. */
    private void report(String pane, long firstPaintNanos) throws IOException {
        long shell = Long.parseLong(tmux.run("display-message", "-p", "-t", pane, "#{pane_pid}").getFirst());
        List<Long> pids = new ArrayList<>(List.of(shell));
        for (String child : Files.readString(Path.of("/proc", Long.toString(shell), "task", Long.toString(shell), "children")).trim().split(" ")) {
            if (!child.isBlank()) {
                pids.add(Long.parseLong(child));
            }
        }
        long rss = 0;
        long pss = 0;
        StringBuilder each = new StringBuilder();
        for (long pid : pids) {
            long processRss = kilobytes(Path.of("/proc", Long.toString(pid), "status"), "VmRSS:");
            long processPss = kilobytes(Path.of("/proc", Long.toString(pid), "smaps_rollup"), "Pss:");
            String command = Files.readString(Path.of("/proc", Long.toString(pid), "comm")).trim();
            each.append(String.format(" %s(%d) rss=%d kB pss=%d kB;", command, pid, processRss, processPss));
            rss += processRss;
            pss += processPss;
        }
        System.out.printf("MEASURED first paint %d ms; shim processes %d, RSS %d kB, PSS %d kB:%s%n",
                Duration.ofNanos(firstPaintNanos).toMillis(), pids.size(), rss, pss, each);
    }

    private static long kilobytes(Path file, String field) throws IOException {
        return Files.readAllLines(file).stream().filter(line -> line.startsWith(field))
                .map(line -> line.substring(field.length()).trim().split("\\s+")[0])
                .mapToLong(Long::parseLong).findFirst().orElse(-1);
    }
}
