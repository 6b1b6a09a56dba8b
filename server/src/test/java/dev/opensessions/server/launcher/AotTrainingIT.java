package dev.opensessions.server.launcher;

import dev.opensessions.application.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The launcher records the JDK 25 AOT cache inside a private tmux server of its own, with sidebars open, so a
 * server started in tmux takes the tmux adapter's and the sidebar's classes from the cache instead of the jars;
 * that tmux server and its socket are gone once the cache is written, and the user's tmux server is never used.
 */
class AotTrainingIT {

    private static final Pattern SERVER_CLASS_FROM_CACHE =
            Pattern.compile("dev\\.opensessions\\.\\S+ source: shared objects file");

    @TempDir
    Path home;
    private Path socket;
    private LauncherProcess launcher;

    @AfterEach
    void cleanUp() throws Exception {
        if (launcher != null) {
            launcher.run("stop");
        }
        if (socket != null) {
            tmux("kill-server");
        }
    }

    @Test
    void aServerStartedInTmuxTakesTheTmuxAndSidebarClassesFromTheCache() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the AOT cache needs JDK 25");
        socket = home.resolve("tmux.sock");
        tmux("-f", "/dev/null", "new-session", "-d", "-s", "alpha", "-x", "120", "-y", "40");
        String pane = tmux("display-message", "-p", "-t", "=alpha:", "#{pane_id}").strip();
        Path trainingSockets = Files.createDirectories(home.resolve("tmux-sockets"));
        // The log option is part of the cache's stamp, so the launcher records the cache again, here.
        launcher = new LauncherProcess(home).inTmux(socket.toString()).inPane(pane)
                .withEnv("TMUX_TMPDIR", trainingSockets.toString())
                .withEnv("OPENSESSIONS_JAVA_OPTS", "-Xlog:class+load=info:file=" + home.resolve("classes-%p.log"));

        LauncherProcess.Result start = launcher.run("start");
        assertThat(start.exitCode()).as(start.output()).isZero();
        Await.until(() -> tmux("list-panes", "-t", "=alpha:", "-F", "#{pane_title}").contains("opensessions-sidebar"),
                Duration.ofSeconds(20), "sidebar pane opened");
        String sidebar = tmux("list-panes", "-t", "=alpha:", "-F", "#{pane_title} #{pane_id}").lines()
                .filter(line -> line.startsWith("opensessions-sidebar ")).map(line -> line.substring(line.indexOf(' ') + 1))
                .findFirst().orElseThrow();
        Await.until(() -> tmux("capture-pane", "-p", "-t", sidebar).contains("sessions"), Duration.ofSeconds(20),
                "sidebar painted");

        String loaded = serverClassLog();
        assertThat(loaded).as("classes the server took from the cache")
                .contains("dev.opensessions.adapters.tmux.ControlConnection source: shared objects file")
                .contains("dev.opensessions.sidebar.view.SidebarView source: shared objects file")
                .contains("dev.opensessions.sidebar.runtime.PaneSession source: shared objects file");
        try (Stream<Path> left = Files.walk(trainingSockets)) {
            assertThat(left.filter(file -> !Files.isDirectory(file)).toList()).as("the training's tmux server, gone with its socket")
                    .isEmpty();
        }
        assertThat(tmux("list-sessions", "-F", "#{session_name}").strip()).as("the user's tmux server, untouched")
                .isEqualTo("alpha");
    }

    /** {@code OPENSESSIONS_AOT_TMUX=0}, and the launcher's second try: the training outside tmux, as before. */
    @Test
    void withoutTheTrainingInTmuxTheServerStillStartsFromACacheOfItsStart() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the AOT cache needs JDK 25");
        socket = home.resolve("tmux.sock");
        tmux("-f", "/dev/null", "new-session", "-d", "-s", "alpha", "-x", "120", "-y", "40");
        String pane = tmux("display-message", "-p", "-t", "=alpha:", "#{pane_id}").strip();
        launcher = new LauncherProcess(home).inTmux(socket.toString()).inPane(pane)
                .withEnv("OPENSESSIONS_AOT_TMUX", "0")
                .withEnv("OPENSESSIONS_JAVA_OPTS", "-Xlog:class+load=info:file=" + home.resolve("classes-%p.log"));

        LauncherProcess.Result start = launcher.run("start");
        assertThat(start.exitCode()).as(start.output()).isZero();
        Await.until(() -> tmux("list-panes", "-t", "=alpha:", "-F", "#{pane_title}").contains("opensessions-sidebar"),
                Duration.ofSeconds(20), "sidebar pane opened");

        String loaded = serverClassLog();
        assertThat(loaded).as("the start's classes from the cache")
                .contains("dev.opensessions.server.Core source: shared objects file")
                .as("the tmux adapter's from its jar")
                .doesNotContain("dev.opensessions.adapters.tmux.ControlConnection source: shared objects file");
    }

    /**
     * The class log of the server that started from the cache: the training run's takes the JDK's classes from the
     * JDK's own archive, but none of the server's.
     */
    private String serverClassLog() throws IOException {
        try (Stream<Path> logs = Files.list(home)) {
            for (Path log : logs.filter(file -> file.getFileName().toString().startsWith("classes-")).toList()) {
                String text = Files.readString(log);
                if (SERVER_CLASS_FROM_CACHE.matcher(text).find()) {
                    return text;
                }
            }
        }
        throw new AssertionError("no server started from the cache");
    }

    private String tmux(String... arguments) {
        return SocketTmux.run(socket, arguments);
    }
}
