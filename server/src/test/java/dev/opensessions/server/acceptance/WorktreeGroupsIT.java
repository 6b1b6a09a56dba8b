package dev.opensessions.server.acceptance;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Worktree groups (docs/reference/sidebar.md#worktree-groups): kill confirm and reordering with worktree groups.
 * Sessions are named in the order they are created, because the first order (creation second, then name) must not
 * depend on the clock.
 */
class WorktreeGroupsIT extends AcceptanceTest {

    @Test
    void killConfirmOnAnExpandedWorktreeChildTargetsThatChild() throws Exception {
        String alpha = session("alpha");
        worktreeSessions();
        attach("alpha");
        String sidebar = startFrom(alpha);
        awaitOrder(sidebar, "alpha", "[repo]", "repo", "wt1", "wt2");
        tmux.keys(sidebar, "j", "j", "j");
        awaitScreen(sidebar, s -> s.marker("wt1").equals(Optional.of('›')), "focus on the child wt1");

        tmux.keys(sidebar, "x");
        SidebarScreen confirm = awaitScreen(sidebar, s -> s.text().contains("Kill worktree?"), "the kill confirm");
        assertThat(confirm.text()).contains(" wt1 ").contains("y / n").doesNotContain("Kill session?");

        tmux.keys(sidebar, "n");
        awaitScreen(sidebar, s -> !s.text().contains("Kill worktree?"), "n closes the confirm");
        assertThat(tmux.sessions()).contains("repo", "wt1", "wt2");
    }

    @Test
    void killingTheActiveWorktreeChildSwitchesTheClientToAFallback() throws Exception {
        session("alpha");
        List<String> panes = worktreeSessions();
        TerminalClient client = attach("wt1");
        String sidebar = startFrom(panes.get(1));
        awaitOrder(sidebar, "alpha", "[repo]", "repo", "wt1", "wt2");
        assertThat(screen(sidebar).marker("wt1")).contains('▌');

        tmux.keys(sidebar, "x");
        SidebarScreen confirm = awaitScreen(sidebar, s -> s.text().contains("Kill worktree?"), "the kill confirm");
        assertThat(confirm.text()).contains(" wt1 ");
        tmux.keys(sidebar, "y");

        Eventually.until(() -> !tmux.sessions().contains("wt1"), "wt1 killed", () -> String.join(",", tmux.sessions()));
        awaitClientOn(client, "repo");
        String fallback = paintedSidebarIn(tmux.windows("repo").getFirst());
        SidebarScreen after = awaitScreen(fallback, s -> s.marker("repo").equals(Optional.of('▌')),
                "repo is current after the fallback");
        assertThat(after.order()).doesNotContain("wt1");
        assertThat(tmux.sessions()).contains("alpha", "repo", "wt2");
    }

    @Test
    void altUpAndDownMoveAWholeWorktreeGroupAsABlock() throws Exception {
        String alpha = session("alpha");
        worktreeSessions();
        session("zeta");
        attach("alpha");
        String sidebar = startFrom(alpha);
        awaitOrder(sidebar, "alpha", "[repo]", "repo", "wt1", "wt2", "zeta");
        tmux.keys(sidebar, "j");
        awaitScreen(sidebar, s -> s.groupMarker("repo").equals(Optional.of('›')), "focus on the group header");

        tmux.keys(sidebar, "M-Up");
        awaitOrder(sidebar, "[repo]", "repo", "wt1", "wt2", "alpha", "zeta");
        tmux.keys(sidebar, "M-Down");
        awaitOrder(sidebar, "alpha", "[repo]", "repo", "wt1", "wt2", "zeta");
        tmux.keys(sidebar, "M-Down");
        awaitOrder(sidebar, "alpha", "zeta", "[repo]", "repo", "wt1", "wt2");
    }

    @Test
    void reorderingASessionAcrossAGroupJumpsOverTheWholeGroup() throws Exception {
        String alpha = session("alpha");
        worktreeSessions();
        session("zeta");
        attach("alpha");
        String sidebar = startFrom(alpha);
        awaitOrder(sidebar, "alpha", "[repo]", "repo", "wt1", "wt2", "zeta");

        tmux.keys(sidebar, "M-Down");
        awaitOrder(sidebar, "[repo]", "repo", "wt1", "wt2", "alpha", "zeta");
        tmux.keys(sidebar, "M-Down");
        awaitOrder(sidebar, "[repo]", "repo", "wt1", "wt2", "zeta", "alpha");
        tmux.keys(sidebar, "M-Up");
        awaitOrder(sidebar, "[repo]", "repo", "wt1", "wt2", "alpha", "zeta");
        tmux.keys(sidebar, "M-Up");
        awaitOrder(sidebar, "alpha", "[repo]", "repo", "wt1", "wt2", "zeta");
    }

    /** A repository and two worktrees, each a session; returns their first panes. */
    private List<String> worktreeSessions() throws Exception {
        List<Path> checkouts = GitRepos.withWorktrees(home.resolve("git"), "repo", "wt1", "wt2");
        return List.of(session("repo", checkouts.get(0)), session("wt1", checkouts.get(1)),
                session("wt2", checkouts.get(2)));
    }

    private void awaitOrder(String sidebar, String... order) {
        awaitScreen(sidebar, s -> s.order().equals(List.of(order)), "order " + String.join(" ", order));
    }
}
