package dev.opensessions.server.acceptance;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/reference/sidebar.md#quit-is-final, #shown-or-hidden and #no-window-holds-only-sidebars: quit, toggle and lonely
 * windows and sessions.
 */
class LifecycleIT extends AcceptanceTest {

    @Test
    void quitClosesTheServerAndEverySidebarClient() throws Exception {
        String pane = session("alpha");
        String second = tmux.newWindow("alpha", folder("alpha"));
        String beta = session("beta");
        TerminalClient client = attach("alpha");
        String sidebar = startFrom(pane);
        tmux.run("select-window", "-t", tmux.windowOf(second));
        paintedSidebarIn(tmux.windowOf(second));
        tmux.run("switch-client", "-c", client.tty(), "-t", "=beta");
        paintedSidebarIn(tmux.windowOf(beta));
        tmux.run("switch-client", "-c", client.tty(), "-t", "=alpha");
        tmux.run("select-window", "-t", tmux.windowOf(pane));
        ProcessHandle server = opensessions.process().orElseThrow();
        assertThat(tmux.sidebars()).hasSize(3);

        tmux.keys(sidebar, "q");

        Eventually.until(() -> tmux.sidebars().isEmpty(), "every sidebar pane closed",
                () -> String.join("\n", tmux.panes()));
        Eventually.until(() -> !server.isAlive(), "the server exited", () -> "pid " + server.pid());
        assertThat(opensessions.pidFile()).doesNotExist();
        assertThat(opensessions.answers()).isFalse();
        assertThat(tmux.tryRun("show-hooks", "-g")).as("no hook is left behind").doesNotContain("opensessions", "curl");
        assertThat(tmux.sessions()).as("the user's sessions stay").containsExactlyInAnyOrder("alpha", "beta");
        assertThat(tmux.windows("alpha")).hasSize(2);
    }

    @Test
    void qInAMainPaneDoesNotQuitOpensessions() throws Exception {
        String pane = session("alpha");
        attach("alpha");
        String sidebar = startFrom(pane);
        ProcessHandle server = opensessions.process().orElseThrow();

        tmux.keys(pane, "q");
        Eventually.until(() -> tmux.screen(pane).contains("q"), "the shell got the q", () -> tmux.screen(pane));

        assertThat(Eventually.holds(() -> tmux.sidebars().equals(List.of(sidebar)), Duration.ofMillis(800)))
                .as("the sidebar stays").isTrue();
        assertThat(server.isAlive()).isTrue();
        assertThat(opensessions.answers()).isTrue();
        assertThat(opensessions.pidFile()).exists();
        assertThat(screen(sidebar).text()).doesNotContain("closing…");
    }

    @Test
    void toggledClosedSidebarsStayClosedAcrossSwitches() throws Exception {
        String pane = session("alpha");
        String second = tmux.newWindow("alpha", folder("alpha"));
        String beta = session("beta");
        TerminalClient client = attach("alpha");
        startFrom(pane);

        assertThat(opensessions.control("/toggle", pane)).isEqualTo(200);
        Eventually.until(() -> tmux.sidebars().isEmpty(), "toggle hides every sidebar",
                () -> String.join("\n", tmux.panes()));

        tmux.run("select-window", "-t", tmux.windowOf(second));
        tmux.run("switch-client", "-c", client.tty(), "-t", "=beta");
        awaitClientOn(client, "beta");
        String fresh = tmux.newWindow("beta", folder("beta"));
        tmux.run("select-window", "-t", tmux.windowOf(fresh));
        assertThat(opensessions.control("/ensure-sidebar", beta)).isEqualTo(200);
        assertThat(Eventually.holds(() -> tmux.sidebars().isEmpty(), Duration.ofMillis(1000)))
                .as("no sidebar comes back: " + tmux.panes()).isTrue();

        assertThat(opensessions.control("/toggle", fresh)).isEqualTo(200);
        paintedSidebarIn(tmux.windowOf(fresh));
    }

    @Test
    void lastContentPaneExitClosesTheWindowCleanly() throws Exception {
        String pane = session("alpha");
        String second = tmux.newWindow("alpha", folder("alpha"));
        TerminalClient client = attach("alpha");
        tmux.run("select-window", "-t", tmux.windowOf(second));
        String sidebar = startFrom(second);
        String window = tmux.windowOf(second);

        tmux.keys(second, "exit", "Enter");

        Eventually.until(() -> !tmux.windows("alpha").contains(window), "the window closed",
                () -> String.join("\n", tmux.panes()));
        assertThat(tmux.panes()).noneMatch(line -> line.startsWith(sidebar + " "));
        assertThat(tmux.windows("alpha")).containsExactly(tmux.windowOf(pane));
        assertThat(tmux.clientSession(client.tty())).isEqualTo("alpha");
        assertNoSidebarOnlyWindow();
    }

    @Test
    void onlyShellExitClosesTheSessionAndTheClientLandsOnThePreviousSession() throws Exception {
        session("alpha");
        String beta = session("beta");
        session("gamma");
        TerminalClient client = attach("beta");
        startFrom(beta);

        tmux.keys(beta, "exit", "Enter");

        Eventually.until(() -> !tmux.sessions().contains("beta"), "beta ended", () -> String.join(",", tmux.sessions()));
        awaitClientOn(client, "alpha");
        String sidebar = paintedSidebarIn(tmux.windows("alpha").getFirst());
        awaitScreen(sidebar, s -> s.marker("alpha").equals(Optional.of('▌')) && !s.order().contains("beta"),
                "alpha current, beta gone");
        assertThat(tmux.sessions()).containsExactlyInAnyOrder("alpha", "gamma");
        assertNoSidebarOnlyWindow();
    }

    private void assertNoSidebarOnlyWindow() {
        Set<String> windowsWithContent = tmux.panes().stream()
                .filter(line -> !line.endsWith(" " + PrivateTmux.SIDEBAR_TITLE))
                .map(line -> line.split(" ")[1]).collect(Collectors.toSet());
        assertThat(tmux.panes()).allMatch(line -> windowsWithContent.contains(line.split(" ")[1]));
    }
}
