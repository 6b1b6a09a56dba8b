package dev.opensessions.server.acceptance;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first minutes of a new user, through a real terminal whose keys go through tmux's key tables: the first
 * {@code prefix o t} shows the sidebar in every window (on a clone without a build, after a start outside any
 * pane, after the server was killed), the messages of every step reach the user's own client, and
 * {@code doctor} names a dead server.
 */
class FirstRunIT extends PluginTest {

    @Test
    void onACloneWithoutABuildOnePressBuildsTellsTheUserAndShowsTheSidebarInEveryWindow() throws Exception {
        PrivateTmux tmux = withPlugin(Installation.unbuilt(home.resolve("install"), 6), List.of());
        tmux.newWindow("alpha", home.resolve("work"));
        tmux.newSession("beta", home.resolve("work"));
        attach(tmux, "alpha");
        Eventually.until(() -> messages(tmux).contains("building the server in the background"), Duration.ofSeconds(20),
                "the load's build announced on the user's client", () -> messages(tmux));
        assertThat(setup.installation().root().resolve("server/target/quarkus-app")).as("still building").doesNotExist();

        client.pressAfterPrefix("o", "t");

        Eventually.until(() -> messages(tmux).contains("opensessions: building the server (the first build"),
                Duration.ofSeconds(20), "the press tells the user the build runs", () -> messages(tmux));
        awaitASidebarInEveryWindow(tmux);
        Eventually.until(() -> messages(tmux).contains("opensessions: the server is built and running"),
                Duration.ofSeconds(20), "the end of the build told on the user's client", () -> messages(tmux));
        assertThat(Eventually.holds(() -> tmux.sidebars().size() == 3, Duration.ofSeconds(2)))
                .as("the sidebars stay: nothing hid them again").isTrue();
    }

    @Test
    void afterAStartOutsideAnyPaneTheFirstPressShowsAndTheSecondHides() throws Exception {
        PrivateTmux tmux = withPlugin(Installation.of(home.resolve("install")), List.of());
        tmux.newWindow("alpha", home.resolve("work"));
        tmux.newSession("beta", home.resolve("work"));
        attach(tmux, "alpha");
        // As a script or a login hook would: the user's client is attached, the start runs in no pane.
        TmuxCommand start = setup.run(setup.installation().launcher(), "start");
        assertThat(start.exit()).as(start.output()).isZero();
        assertThat(Eventually.holds(() -> tmux.sidebars().isEmpty(), Duration.ofSeconds(2)))
                .as("a start outside any pane opens none").isTrue();

        client.pressAfterPrefix("o", "t");
        awaitASidebarInEveryWindow(tmux);

        client.pressAfterPrefix("o", "t");
        Eventually.until(() -> tmux.sidebars().isEmpty(), "the second press hides them", () -> String.join("\n", tmux.panes()));
    }

    @Test
    void afterAKillDoctorNamesTheDeadServerAndOnePressBringsEverySidebarBackAndSaysWhy() throws Exception {
        PrivateTmux tmux = withPlugin(Installation.of(home.resolve("install")), List.of());
        tmux.newWindow("alpha", home.resolve("work"));
        tmux.newSession("beta", home.resolve("work"));
        attach(tmux, "alpha");
        client.pressAfterPrefix("o", "t");
        awaitASidebarInEveryWindow(tmux);
        Path runtime = setup.runtimeDir();
        long pid = Long.parseLong(Files.readString(runtime.resolve("pid")).strip());
        ProcessHandle server = ProcessHandle.of(pid).orElseThrow();

        new ProcessBuilder("kill", "-9", Long.toString(pid)).start().waitFor();
        Eventually.until(() -> !server.isAlive() && tmux.sidebars().isEmpty(), Duration.ofSeconds(20),
                "the server and its sidebars gone", () -> String.join("\n", tmux.panes()));

        TmuxCommand doctor = setup.run(setup.installation().launcher(), "doctor");
        assertThat(doctor.exit()).as(doctor.output()).isEqualTo(1);
        assertThat(doctor.output())
                .contains("problem  server    the server (pid " + pid + ") is dead: it stopped without cleaning up")
                .contains("info     stale     left behind: " + runtime.resolve("pid") + " " + runtime.resolve("token")
                        + " " + runtime.resolve("sidebar-port"))
                .contains("info     log       the last lines of " + runtime.resolve("server.log") + ":")
                .containsPattern("(?m)^ +\\| .+");

        client.pressAfterPrefix("o", "t");

        awaitASidebarInEveryWindow(tmux);
        Eventually.until(() -> messages(tmux).contains("opensessions: the server had stopped (pid " + pid + ") and runs again"),
                Duration.ofSeconds(20), "the user told what happened", () -> messages(tmux));
        assertThat(messages(tmux)).contains(runtime.resolve("server.log").toString());
    }

    private void awaitASidebarInEveryWindow(PrivateTmux tmux) {
        Eventually.until(() -> everyWindowHasASidebar(tmux), SERVER_START, "a sidebar in every window",
                () -> String.join("\n", tmux.panes()) + "\n" + serverLog());
    }

    private String serverLog() {
        try {
            return Files.readString(setup.runtimeDir().resolve("server.log"));
        } catch (java.io.IOException missing) {
            return "(no server.log)";
        }
    }

    private static boolean everyWindowHasASidebar(PrivateTmux tmux) {
        List<String> windows = tmux.sessions().stream().flatMap(session -> tmux.windows(session).stream()).toList();
        return windows.size() == 3 && windows.stream().allMatch(window -> tmux.sidebarsIn(window).size() == 1);
    }
}
