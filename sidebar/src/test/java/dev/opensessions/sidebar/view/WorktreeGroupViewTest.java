package dev.opensessions.sidebar.view;

import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.sidebar.Screens;
import dev.opensessions.sidebar.World;
import dev.opensessions.sidebar.model.Key;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.update.SidebarUpdate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Worktree groups in the session list: header, tree rail, collapse and narrow widths. */
class WorktreeGroupViewTest {

    private static final Theme MOCHA = Theme.catppuccinMocha();
    static final String API_REPO = "/code/api/.git";

    /**
     * api (main checkout, current) with worktrees api-login (waiting, dirty, a port) and api-docs (done
     * unseen); notes between them in the order, so the group gathers around its first member.
     */
    static World groups() {
        return new World()
                .session("api", "/code/api").worktree("api", "/code/api", "main", false, 0, 0)
                .session("notes", "/code/notes")
                .session("api-login", "/code/api-login").worktree("api-login", "/code/api", "login", true, 3, 1)
                .ports("api-login", 3000)
                .session("api-docs", "/code/api-docs").worktree("api-docs", "/code/api", "docs", true, 0, 0)
                .agent("api-login", "claude-code", AgentStatus.WAITING, "x", null)
                .agent("api-docs", "codex", AgentStatus.DONE, null, null, true)
                .client("/dev/pts/1", "api");
    }

    private static List<String> list(Grid grid) {
        return grid.text().lines().limit(16).toList();
    }

    @Test
    void expandedWorktreeGroupsRenderAContinuousTreeWithChildSpacing() {
        Grid grid = SidebarView.render(groups().sidebar(1, 40, 30));

        assertThat(list(grid)).containsExactly(
                " sessions               ⚑2 <1m ⚡1 ●1 4",
                "",
                "  ▾    ◉ api     3wt ⚡1 ●1 +3 -1 ⌁3000",
                "  │",
                "▌ │ 01 ○ api",
                "  │      main",
                "  │",
                "  │ 02 ◉ api-login",
                "  │      login  ⌁3000             +3 -1",
                "  │",
                "  ╰ 03 ● api-docs",
                "         docs",
                "",
                "    04 ○ notes",
                "",
                "");
        assertThat(grid.cell(7, 2).style().foreground()).isEqualTo(MOCHA.blue());
        assertThat(grid.cell(2, 7).style().foreground()).isEqualTo(MOCHA.overlay0());
        assertThat(grid.cell(0, 4).style().foreground()).isEqualTo(MOCHA.green());
        assertThat(grid.cell(4, 4).style().background()).isEqualTo(MOCHA.surface0());
        assertThat(grid.cell(21, 2).style().foreground()).isEqualTo(MOCHA.yellow());
        assertThat(grid.cell(33, 2).style().foreground()).isEqualTo(MOCHA.mauve());
    }

    @Test
    void collapsedWorktreeGroupsKeepTheHighestPriorityAgentSignal() {
        World world = groups().settings(s -> s.withGroupCollapsed(API_REPO, true));

        Grid grid = SidebarView.render(world.sidebar(1, 40, 30));

        assertThat(list(grid)).containsExactly(
                " sessions               ⚑2 <1m ⚡1 ●1 4",
                "",
                "▌ ▸    ◉ api     3wt ⚡1 ●1 +3 -1 ⌁3000",
                "",
                "    01 ○ notes",
                "", "", "", "", "", "", "", "", "", "", "");
        assertThat(grid.cell(7, 2).style().foreground()).isEqualTo(MOCHA.blue());
        assertThat(grid.cell(10, 2).style().background()).isEqualTo(MOCHA.surface0());
    }

    @Test
    void aFocusedHeaderIsHighlightedAndItsChildIsNot() {
        SidebarState state = SidebarUpdate.update(groups().sidebar(1, 40, 30),
                new Msg.KeyPressed(Key.character('k'))).state();

        Grid grid = SidebarView.render(state);

        assertThat(grid.row(2)).startsWith("› ▾    ◉ api");
        assertThat(grid.cell(9, 2).style().foreground()).isEqualTo(MOCHA.lavender());
        assertThat(grid.cell(20, 2).style().background()).isEqualTo(MOCHA.surface0());
        assertThat(grid.cell(20, 4).style().background()).isEqualTo(Theme.catppuccinMocha().base());
        assertThat(grid.row(4)).startsWith("▌ │ 01 ○ api");
    }

    @Test
    void at20ColumnsTheBranchGivesWayBeforeThePortAndTheHeaderKeepsItsLabel() {
        Grid grid = SidebarView.render(groups().sidebar(1, 20, 30));

        assertThat(list(grid)).containsExactly(
                " sessi… ⚑2 ⚡1 ●1 4",
                "",
                "  ▾    ◉ api    3wt",
                "  │",
                "▌ │ 01 ○ api",
                "  │      main",
                "  │",
                "  │ 02 ◉ api-login",
                "  │      lo…  ⌁3000",
                "  │",
                "  ╰ 03 ● api-docs",
                "         docs",
                "",
                "    04 ○ notes",
                "",
                "");
    }

    @Test
    void aLongGroupLabelAndSessionNamesAreCutWithAnEllipsisAt20Columns() {
        World world = new World()
                .session("a-very-long-name", "/code/platform-monorepo")
                .worktree("a-very-long-name", "/code/platform-monorepo", "main", false, 0, 0)
                .session("b", "/code/b").worktree("b", "/code/platform-monorepo", "feature", true, 0, 0)
                .client("/dev/pts/1", "b");

        Grid grid = SidebarView.render(world.sidebar(2, 20, 30));

        assertThat(grid.row(2).stripTrailing()).isEqualTo("  ▾    ○ platf… 2wt");
        assertThat(grid.row(4).stripTrailing()).isEqualTo("  │ 01 ○ a-very-lo…");
    }

    @Test
    void theLabelFallsBackToTheRepositorysFolderWithoutAMainCheckout() {
        World world = new World()
                .session("one", "/wt/one").worktree("one", "/src/shop", "a", true, 0, 0)
                .session("two", "/wt/two").worktree("two", "/src/shop", "b", true, 0, 0)
                .client("/dev/pts/1", "one");

        assertThat(SidebarView.render(world.sidebar(1, 40, 30)).row(2)).startsWith("  ▾    ○ shop");
    }
}
