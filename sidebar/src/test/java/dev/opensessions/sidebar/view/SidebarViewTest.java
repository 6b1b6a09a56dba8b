package dev.opensessions.sidebar.view;

import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.metadata.Tone;
import dev.opensessions.domain.sidebar.SessionFilter;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.sidebar.Screens;
import dev.opensessions.sidebar.World;
import dev.opensessions.sidebar.model.Key;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.update.SidebarUpdate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Whole-screen snapshots of the sessions sidebar, as {@code capture-pane} would show them. */
class SidebarViewTest {

    private static final Theme MOCHA = Theme.catppuccinMocha();

    /** api (current, dirty, three ports, pill, progress, logs), web running, docs done unseen, infra failed. */
    static World busyServer() {
        return new World()
                .session("api", "/home/u/code/api").git("api", "main", 12, 3).ports("api", 3000, 5173, 8080)
                .session("web", "/home/u/code/web-app")
                .agent("web", "claude-code", AgentStatus.RUNNING, "fix login", "why is login broken?")
                .session("docs", "/home/u/docs").agent("docs", "codex", AgentStatus.DONE, null, null, true)
                .session("infra", "/srv/infra").agent("infra", "amp", AgentStatus.ERROR, "deploy", null)
                .client("/dev/pts/1", "api")
                .status("api", "deploying", Tone.WARN)
                .progress("api", 3.0, 7.0, null, "build")
                .log("api", "built image", Tone.SUCCESS)
                .log("api", "pushing", Tone.INFO);
    }

    @Test
    void emptyServerShowsZeroCountersAndNoSessions() {
        Grid grid = SidebarView.render(SidebarState.initial(PaneId.of("%1"), 26, 20, new World().snapshot()));

        assertThat(grid.text()).isEqualTo(Screens.of(
                " sessions        ⚡0 ●0 0",
                "",
                " no sessions",
                "", "", "", "", "", "", "", "",
                " ─────────────────────────",
                " agents 0         current",
                "", "", "", "",
                " ─────────────────────────",
                " ⇥ cycle  ⏎ go  → agents",
                " f filter  w width"));
    }

    @Test
    void busyServerAt40Columns() {
        Grid grid = SidebarView.render(busyServer().sidebar(1, 40, 30));

        assertThat(grid.text()).isEqualTo(Screens.of(
                " sessions               ⚑2 <1m ⚡2 ●2 4",
                "",
                "▌ 01 ○ api",
                "       main  ⌁3000 (+2)          +12 -3",
                "",
                "  02 ⠋ web",
                "       web-app",
                "",
                "  03 ● docs",
                "",
                "",
                "  04 ✗ infra",
                "", "", "", "",
                " ───────────────────────────────────────",
                " agents 0                       current",
                " /home/u/code/api",
                " ⌁3000 ⌁5173 ⌁8080",
                "  ⚠ deploying",
                " build · 3/7",
                " ████████████████░░░░░░░░░░░░░░░░░░░░░░",
                " ✓ built image",
                " ℹ pushing",
                "", "",
                " ───────────────────────────────────────",
                " ⇥ cycle  ⏎ go  → agents  f filter",
                " w width  d hide  x kill"));
    }

    @Test
    void sessionRowColoursFollowTheSignalTable() {
        Grid grid = SidebarView.render(busyServer().sidebar(1, 40, 30));

        assertThat(grid.cell(0, 2).style().foreground()).isEqualTo(MOCHA.green());
        assertThat(grid.cell(5, 2).style().foreground()).isEqualTo(MOCHA.overlay0());
        assertThat(grid.cell(5, 5).style().foreground()).isEqualTo(MOCHA.yellow());
        assertThat(grid.cell(5, 8).style().foreground()).isEqualTo(MOCHA.teal());
        assertThat(grid.cell(5, 11).style().foreground()).isEqualTo(MOCHA.red());
        assertThat(grid.cell(33, 3).symbol()).isEqualTo("+");
        assertThat(grid.cell(33, 3).style().foreground()).isEqualTo(MOCHA.green());
        assertThat(grid.cell(37, 3).symbol()).isEqualTo("-");
        assertThat(grid.cell(37, 3).style().foreground()).isEqualTo(MOCHA.red());
        assertThat(MOCHA.green()).isEqualTo(Color.Rgb.hex("#a6e3a1"));
    }

    @Test
    void busyServerAt26ColumnsDropsTheDiffBeforeTheBranch() {
        Grid grid = SidebarView.render(busyServer().sidebar(1, 26, 30));

        assertThat(grid.text().lines().limit(4).toList()).containsExactly(
                " sessions ⚑2 <1m ⚡2 ●2 4",
                "",
                "▌ 01 ○ api",
                "       main  ⌁3000 (+2)");
        assertThat(grid.row(22)).isEqualTo(" ██████████░░░░░░░░░░░░░░ ");
    }

    @Test
    void busyServerAt20ColumnsKeepsThePortOverTheBranch() {
        Grid grid = SidebarView.render(busyServer().sidebar(1, 20, 30));

        assertThat(grid.text()).isEqualTo(Screens.of(
                " sessi… ⚑2 ⚡2 ●2 4",
                "",
                "▌ 01 ○ api",
                "       ⌁3000 (+2)",
                "",
                "  02 ⠋ web",
                "       web-app",
                "",
                "  03 ● docs",
                "",
                "",
                "  04 ✗ infra",
                "", "", "", "",
                " ───────────────────",
                " agents 0   current",
                " /home/u/code/api",
                " ⌁3000 ⌁5173 ⌁8080",
                "  ⚠ deploying",
                " build · 3/7",
                " ████████░░░░░░░░░░",
                " ✓ built image",
                " ℹ pushing",
                "", "",
                " ───────────────────",
                " ⇥ cycle  ⏎ go",
                " → agents  f filter"));
    }

    @Test
    void focusedSessionsAgentsFillTheDetailPanel() {
        SidebarState state = SidebarUpdate.update(busyServer().sidebar(1, 40, 30),
                new Msg.KeyPressed(Key.character('j'))).state();

        Grid grid = SidebarView.render(state);

        assertThat(grid.text().lines().skip(17).limit(5).toList()).containsExactly(
                " agents 1                       current",
                " /home/u/code/web-app",
                " ⠋ fix login",
                "   working · claude-code",
                "   “why is login broken?”");
        assertThat(grid.row(5)).startsWith("› 02 ⠋ web");
        assertThat(grid.cell(0, 5).style().foreground()).isEqualTo(MOCHA.lavender());
        assertThat(grid.cell(20, 5).style().background()).isEqualTo(MOCHA.surface0());
        assertThat(grid.cell(0, 2).symbol()).isEqualTo("▌");
        assertThat(grid.cell(20, 2).style().background()).isEqualTo(Theme.catppuccinMocha().base());
    }

    @Test
    void statusPillIsDrawnInItsToneColour() {
        Grid grid = SidebarView.render(busyServer().sidebar(1, 40, 30));

        assertThat(grid.cell(2, 20).symbol()).isEqualTo("⚠");
        assertThat(grid.cell(2, 20).style().background()).isEqualTo(MOCHA.yellow());
        assertThat(grid.cell(2, 20).style().foreground()).isEqualTo(MOCHA.crust());
        assertThat(grid.cell(1, 23).style().foreground()).isEqualTo(MOCHA.green());
        assertThat(grid.cell(1, 22).style().foreground()).isEqualTo(MOCHA.blue());
    }

    @Test
    void pendingSwitchIsNotPaintedAsCurrent() {
        SidebarState state = SidebarUpdate.update(busyServer().sidebar(1, 40, 30),
                new Msg.KeyPressed(Key.character('3'))).state();

        Grid grid = SidebarView.render(state);

        assertThat(grid.row(2)).startsWith("▌ 01 ○ api");
        assertThat(grid.row(8)).startsWith("› 03 ● docs");
    }

    @Test
    void filterNameReplacesTheTitle() {
        SidebarState state = busyServer().settings(s -> s.withFilter(SessionFilter.ACTIVE)).sidebar(1, 40, 30);

        Grid grid = SidebarView.render(state);

        assertThat(grid.row(0).stripTrailing()).isEqualTo(" active                 ⚑2 <1m ⚡2 ●2 3");
        assertThat(grid.row(2)).startsWith("› 01 ⠋ web");
    }
}
