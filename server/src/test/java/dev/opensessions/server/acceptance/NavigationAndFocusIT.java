package dev.opensessions.server.acceptance;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/reference/sidebar.md#keyboard-focus and #current-row: the keyboard focus is local to a client, the current row
 * is per client.
 */
class NavigationAndFocusIT extends AcceptanceTest {

    @Test
    void keyboardFocusAndWorktreeFlow() throws Exception {
        String alpha = session("alpha");
        List<Path> repo = GitRepos.withWorktrees(home.resolve("git"), "repo", "wt1", "wt2");
        session("repo", repo.get(0));
        session("wt1", repo.get(1));
        session("wt2", repo.get(2));
        TerminalClient client = attach("alpha");
        String sidebar = startFrom(alpha);
        awaitScreen(sidebar, s -> s.order().equals(List.of("alpha", "[repo]", "repo", "wt1", "wt2")),
                "the worktrees grouped");
        assertThat(screen(sidebar).marker("alpha")).contains('▌');

        tmux.keys(sidebar, "j");
        SidebarScreen onHeader = awaitScreen(sidebar, s -> s.groupMarker("repo").equals(Optional.of('›')),
                "j focuses the group header");
        assertThat(detailFolder(onHeader)).as("the header stands for its first child").endsWith("/repo");
        tmux.keys(sidebar, "j");
        awaitScreen(sidebar, s -> s.marker("repo").equals(Optional.of('›')), "j focuses the first child");
        tmux.keys(sidebar, "k", "k");
        awaitScreen(sidebar, s -> s.marker("alpha").equals(Optional.of('▌')) && !s.text().contains("›"),
                "k k brings the focus home");
        assertThat(tmux.clientSession(client.tty())).as("moving the focus switches nothing").isEqualTo("alpha");

        tmux.keys(sidebar, "Tab");
        awaitClientOn(client, "repo");
        String repoSidebar = paintedSidebarIn(tmux.windows("repo").getFirst());
        awaitScreen(repoSidebar, s -> s.marker("repo").equals(Optional.of('▌')), "repo is current in its sidebar");
        tmux.keys(repoSidebar, "Tab");
        awaitClientOn(client, "wt1");
        String wt1Sidebar = paintedSidebarIn(tmux.windows("wt1").getFirst());
        awaitScreen(wt1Sidebar, s -> s.marker("wt1").equals(Optional.of('▌')), "wt1 is current in its sidebar");
        tmux.keys(wt1Sidebar, "k", "k");
        SidebarScreen rehomed = awaitScreen(wt1Sidebar, s -> s.groupMarker("repo").equals(Optional.of('›')),
                "k k focuses the group header");
        assertThat(detailFolder(rehomed)).as("the header stands for the current child").endsWith("/wt1");
        assertThat(tmux.clientSession(client.tty())).isEqualTo("wt1");
    }

    @Test
    void staleKeyboardFocusIsRehomedToTheCurrentSession() throws Exception {
        String alpha = session("alpha");
        session("beta");
        session("gamma");
        TerminalClient client = attach("alpha");
        String sidebar = startFrom(alpha);
        tmux.keys(sidebar, "j", "j");
        awaitScreen(sidebar, s -> s.marker("gamma").equals(Optional.of('›')), "focus on gamma");

        tmux.run("switch-client", "-c", client.tty(), "-t", "=beta");
        awaitClientOn(client, "beta");
        paintedSidebarIn(tmux.windows("beta").getFirst());
        tmux.run("switch-client", "-c", client.tty(), "-t", "=alpha");
        awaitClientOn(client, "alpha");

        SidebarScreen back = awaitScreen(sidebar, s -> s.marker("gamma").equals(Optional.of(' ')),
                "the stale focus on gamma is gone");
        assertThat(back.marker("alpha")).contains('▌');
        assertThat(back.text()).doesNotContain("›");
    }

    @Test
    void keyboardFocusIsSyncedBetweenTheWindowsOfOneClient() throws Exception {
        String alpha = session("alpha");
        session("beta");
        String secondPane = tmux.newWindow("alpha", folder("alpha"));
        TerminalClient client = attach("alpha");
        String first = startFrom(alpha);
        tmux.run("select-window", "-t", tmux.windowOf(secondPane));
        String second = paintedSidebarIn(tmux.windowOf(secondPane));
        tmux.run("select-window", "-t", tmux.windowOf(alpha));

        tmux.keys(first, "j");
        awaitScreen(first, s -> s.marker("beta").equals(Optional.of('›')), "focus on beta in the first window");
        tmux.run("select-window", "-t", tmux.windowOf(secondPane));

        awaitScreen(second, s -> s.marker("beta").equals(Optional.of('›')), "the second window's sidebar follows");
        assertThat(screen(second).marker("alpha")).contains('▌');
        assertThat(tmux.clientSession(client.tty())).isEqualTo("alpha");
    }

    @Test
    void multipleClientsKeepIndependentActiveRows() throws Exception {
        String alpha = session("alpha");
        String beta = session("beta");
        String gamma = session("gamma");
        TerminalClient one = attach("alpha");
        String alphaSidebar = startFrom(alpha);
        TerminalClient two = attach("beta");
        String betaSidebar = paintedSidebarIn(tmux.windowOf(beta));
        assertThat(screen(alphaSidebar).marker("alpha")).contains('▌');
        awaitScreen(betaSidebar, s -> s.marker("beta").equals(Optional.of('▌')), "beta current for client two");
        assertThat(screen(betaSidebar).marker("alpha")).isNotEqualTo(Optional.of('▌'));

        tmux.keys(betaSidebar, "3");
        awaitClientOn(two, "gamma");
        String gammaSidebar = paintedSidebarIn(tmux.windowOf(gamma));
        awaitScreen(gammaSidebar, s -> s.marker("gamma").equals(Optional.of('▌')), "gamma current for client two");

        assertThat(tmux.clientSession(one.tty())).as("client one is not moved: %s", opensessions.state())
                .isEqualTo("alpha");
        SidebarScreen first = screen(alphaSidebar);
        assertThat(first.marker("alpha")).as(first.text()).contains('▌');
        assertThat(first.marker("gamma")).as(first.text()).isNotEqualTo(Optional.of('▌'));
    }

    /** The folder line under the agents panel's title: the session the focus stands for. */
    private static String detailFolder(SidebarScreen screen) {
        List<String> lines = screen.lines();
        for (int i = 0; i + 1 < lines.size(); i++) {
            if (lines.get(i).startsWith(" agents ")) {
                return lines.get(i + 1).strip();
            }
        }
        throw new AssertionError("no agents panel on\n" + screen.text());
    }
}
