package dev.opensessions.server.launcher;

import dev.opensessions.application.testkit.Await;
import dev.opensessions.server.ServerKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
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
    private Process training;

    @AfterEach
    void cleanUp() throws Exception {
        if (training != null && training.isAlive()) {
            // A TERM first: the launcher ends its training itself (a KILL would leave it running).
            training.destroy();
            if (!training.waitFor(30, TimeUnit.SECONDS)) {
                training.destroyForcibly();
            }
        }
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
        assertThat(leftFiles(trainingSockets)).as("the training's tmux server, gone with its socket").isEmpty();
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
     * A launcher stopped while it records the cache (a TERM, as when tmux goes) ends the training: its server, its
     * private tmux server, its scratch folder and the half-written cache are gone once the launcher has exited.
     */
    @Test
    void aLauncherStoppedDuringTheTrainingLeavesNothingBehind() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the AOT cache needs JDK 25");
        Training training = startTraining();

        training.launcher().destroy();

        assertThat(training.launcher().waitFor(30, TimeUnit.SECONDS)).as("the launcher exited").isTrue();
        Await.until(() -> !answers(launcher), Duration.ofSeconds(10), "the training's server gone");
        assertNothingLeftOf(training);
    }

    /**
     * A launcher killed outright while it records leaves its training running; the next start ends it before it
     * looks at the port (the training's server answers there, and would be taken for the user's) and starts the
     * real server.
     */
    @Test
    void theNextStartEndsWhatAKilledLauncherLeftRunning() throws Exception {
        assumeTrue(Runtime.version().feature() >= 25, "the AOT cache needs JDK 25");
        Training training = startTraining();

        training.launcher().destroyForcibly();
        assertThat(training.launcher().waitFor(30, TimeUnit.SECONDS)).as("the launcher killed").isTrue();
        assertThat(answers(launcher)).as("the training's server, left running by the killed launcher").isTrue();

        LauncherProcess.Result start = launcher.withEnv("OPENSESSIONS_AOT", "0").run("start");

        assertThat(start.exitCode()).as(start.output()).isZero();
        assertThat(start.output()).as("a server started, not the training's taken for it").contains("(pid ");
        String pid = Files.readString(launcher.runtimeDir(label()).resolve("pid")).strip();
        assertThat(start.output()).contains("(pid " + pid + ")");
        assertThat(answers(launcher)).isTrue();
        assertNothingLeftOf(training);
    }

    /** The training's scratch folder, its private tmux server (with its socket) and its half-written cache: gone. */
    private void assertNothingLeftOf(Training training) throws IOException {
        assertThat(training.scratch()).as("the training's scratch folder").doesNotExist();
        assertThat(leftFiles(home.resolve("tmux-sockets"))).as("the training's tmux server, gone with its socket").isEmpty();
        assertThat(halfWrittenCache(training.launcher().pid())).as("the half-written cache").isEmpty();
    }

    /** A training under way: the launcher recording the cache, and its scratch folder, its server answering. */
    private record Training(Process launcher, Path scratch) {
    }

    /**
     * Starts the launcher so that it records the cache (a flag of its own makes the stamp new) and returns once the
     * training's server answers on the port.
     */
    private Training startTraining() throws Exception {
        socket = home.resolve("tmux.sock");
        tmux("-f", "/dev/null", "new-session", "-d", "-s", "alpha", "-x", "120", "-y", "40");
        Path scratchParent = Files.createDirectories(home.resolve("tmp"));
        launcher = new LauncherProcess(home).inTmux(socket.toString())
                .withEnv("TMUX_TMPDIR", Files.createDirectories(home.resolve("tmux-sockets")).toString())
                .withEnv("TMPDIR", scratchParent.toString())
                .withEnv("OPENSESSIONS_JAVA_OPTS", "-Dtraining.under.test=" + System.nanoTime());
        Process started = launcher.spawn("start");
        training = started;
        String prefix = "opensessions-aot." + started.pid() + ".";
        Await.until(() -> answers(launcher) && !leftFiles(scratchParent).isEmpty(), Duration.ofSeconds(120),
                "the training's server answering");
        Path scratch;
        try (Stream<Path> folders = Files.list(scratchParent)) {
            scratch = folders.filter(folder -> folder.getFileName().toString().startsWith(prefix)).findFirst()
                    .orElseThrow(() -> new AssertionError("no scratch folder named " + prefix + "*"));
        }
        return new Training(started, scratch);
    }

    private static boolean answers(LauncherProcess launcher) {
        try {
            return launcher.get("/version").statusCode() == 200;
        } catch (IOException refused) {
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static List<Path> leftFiles(Path folder) {
        try (Stream<Path> left = Files.walk(folder)) {
            return left.filter(file -> !Files.isDirectory(file)).toList();
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private static List<Path> halfWrittenCache(long launcherPid) throws IOException {
        Path app = LauncherProcess.REPO.resolve("server/target/quarkus-app");
        try (Stream<Path> files = Files.list(app)) {
            return files.filter(file -> file.getFileName().toString().startsWith("opensessions.aot." + launcherPid + "."))
                    .toList();
        }
    }

    private String label() {
        return ServerKey.fromEnvironment(Map.of("TMUX", socket + ",1,0")).label();
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
