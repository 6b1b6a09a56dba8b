package dev.opensessions.sidebar.view;

import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.sidebar.SidebarPhase;
import dev.opensessions.domain.sidebar.SidebarPresence;
import dev.opensessions.domain.sidebar.SidebarSide;
import dev.opensessions.sidebar.Screens;
import dev.opensessions.sidebar.World;
import dev.opensessions.sidebar.model.SidebarState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The separators reach the edge facing the content: the right one when docked left, the left one when right. */
class DockedSideViewTest {

    private static World dockedAt(SidebarSide side) {
        return new World().session("api", "/home/u/code/api").client("/dev/pts/1", "api")
                .presence(new SidebarPresence(true, SidebarPhase.READY, side));
    }

    @Test
    void dockedLeftTheSeparatorsLeaveTheLeftCellBlankAndReachTheRightEdge() {
        Grid grid = SidebarView.render(dockedAt(SidebarSide.LEFT).sidebar(1, 26, 20));

        assertThat(grid.text()).isEqualTo(Screens.of(
                " sessions        ⚡0 ●0 1",
                "",
                "▌ 01 ○ api",
                "", "", "", "", "", "", "", "",
                " ─────────────────────────",
                " agents 0         current",
                " /home/u/code/api",
                "", "", "",
                " ─────────────────────────",
                " ⇥ cycle  ⏎ go  → agents",
                " f filter  w width"));
        assertThat(grid.cell(25, 11).symbol()).isEqualTo("─");
        assertThat(grid.cell(0, 11).symbol()).isEqualTo(" ");
    }

    @Test
    void dockedRightTheSeparatorsStartAtTheLeftEdgeAndLeaveTheRightCellBlank() {
        Grid grid = SidebarView.render(dockedAt(SidebarSide.RIGHT).sidebar(1, 26, 20));

        assertThat(grid.text()).isEqualTo(Screens.of(
                " sessions        ⚡0 ●0 1",
                "",
                "▌ 01 ○ api",
                "", "", "", "", "", "", "", "",
                "─────────────────────────",
                " agents 0         current",
                " /home/u/code/api",
                "", "", "",
                "─────────────────────────",
                " ⇥ cycle  ⏎ go  → agents",
                " f filter  w width"));
        assertThat(grid.cell(0, 11).symbol()).isEqualTo("─");
        assertThat(grid.cell(25, 11).symbol()).isEqualTo(" ");
        assertThat(grid.cell(0, 17).symbol()).isEqualTo("─");
    }

    @Test
    void aPopupHasNoContentBesideItAndKeepsTheLeftLook() {
        World world = dockedAt(SidebarSide.RIGHT);
        Grid grid = SidebarView.render(SidebarState.initial(PaneId.of("%900"), true, 26, 20, world.snapshot()));

        assertThat(grid.cell(0, 11).symbol()).isEqualTo(" ");
        assertThat(grid.cell(25, 11).symbol()).isEqualTo("─");
    }
}
