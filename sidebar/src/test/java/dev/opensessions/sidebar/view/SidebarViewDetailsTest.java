package dev.opensessions.sidebar.view;

import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.metadata.Tone;
import dev.opensessions.sidebar.Screens;
import dev.opensessions.sidebar.World;
import dev.opensessions.sidebar.model.Key;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.update.SidebarUpdate;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Signals, wide characters, scrolling and the metadata part of the detail panel. */
class SidebarViewDetailsTest {

    private static final Theme MOCHA = Theme.catppuccinMocha();

    @Test
    void everySignalHasItsGlyphAndColourAndTheMostUrgentWins() {
        World world = new World()
                .session("a", "/a").agent("a", "amp", AgentStatus.WAITING, null, null)
                .session("b", "/b").agent("b", "codex", AgentStatus.STALE, null, null, false)
                .session("c", "/c").agent("c", "pi", AgentStatus.INTERRUPTED, null, null, false)
                .session("d", "/d").agent("d", "droid", AgentStatus.TOOL_RUNNING, null, null)
                .session("e", "/e").agent("e", "opencode", AgentStatus.DONE, null, null, false)
                .session("f", "/f").agent("f", "claude-code", AgentStatus.RUNNING, "one", null)
                .agent("f", "claude-code", AgentStatus.ERROR, "two", null, false);

        Grid grid = SidebarView.render(world.sidebar(1, 30, 40));

        String[] glyphs = {"◉", "⚠", "⚠", "⚙", "✓", "✗"};
        Color[] colours = {MOCHA.blue(), MOCHA.yellow(), MOCHA.peach(), MOCHA.sky(), MOCHA.green(), MOCHA.red()};
        for (int i = 0; i < glyphs.length; i++) {
            int y = 2 + 3 * i;
            assertThat(grid.cell(5, y).symbol()).as("row %d", i).isEqualTo(glyphs[i]);
            assertThat(grid.cell(5, y).style().foreground()).as("row %d", i).isEqualTo(colours[i]);
        }
    }

    @Test
    void runningSignalShowsTheSpinnerFrameOfTheState() {
        World world = new World().session("a", "/a").agent("a", "x", AgentStatus.RUNNING, null, null);
        SidebarState state = world.sidebar(1, 30, 30);

        assertThat(SidebarView.render(state).cell(5, 2).symbol()).isEqualTo("⠋");
        assertThat(SidebarView.render(state.withSpinnerFrame(3)).cell(5, 2).symbol()).isEqualTo("⠸");
    }

    @Test
    void wideCharactersTakeTwoCellsAndTruncateOnAGraphemeBoundary() {
        World world = new World()
                .session("日本語のセッション名前", "/tmp/x")
                .session("emoji🚀rocket", "/tmp/y")
                .session("a-very-long-session-name-indeed", "/tmp/z");

        Grid grid = SidebarView.render(world.sidebar(1, 20, 22));

        assertThat(grid.text()).isEqualTo(Screens.of(
                " sessions  ⚡0 ●0 3",
                "",
                "▌ 01 ○ 日本語のセ…",
                "       x",
                "",
                "  02 ○ emoji🚀rock…",
                "       y",
                "",
                "  03 ○ a-very-long…",
                "       z",
                "",
                " ───────────────────",
                " agents 0   current",
                " /tmp/x",
                "", "", "", "", "",
                " ───────────────────",
                " ⇥ cycle  ⏎ go",
                " → agents  f filter"));
        assertThat(grid.cell(7, 2).symbol()).isEqualTo("日");
        assertThat(grid.cell(8, 2).symbol()).isEmpty();
        assertThat(grid.cell(17, 2).symbol()).isEqualTo("…");
        assertThat(grid.cell(18, 2).symbol()).isEqualTo(" ");
    }

    @Test
    void manySessionsScrollToKeepTheFocusedRowVisible() {
        World world = new World();
        for (int i = 1; i <= 12; i++) {
            world.session("s" + i, "/code/s" + i);
        }
        SidebarState state = world.client("/dev/pts/1", "s1").sidebar(1, 24, 24);
        for (int i = 0; i < 7; i++) {
            state = SidebarUpdate.update(state, new Msg.KeyPressed(Key.character('j'))).state();
        }

        Grid grid = SidebarView.render(state);

        assertThat(grid.text().lines().limit(12).toList()).containsExactly(
                " sessions     ⚡0 ●0 12",
                "",
                "  06 ○ s6",
                "",
                "",
                "  07 ○ s7",
                "",
                "",
                "› 08 ○ s8",
                "",
                "",
                " ───────────────────────");
    }

    @Test
    void detailPanelShowsTheLastEightLogLines() {
        World world = new World().session("a", "/a");
        for (int i = 1; i <= 10; i++) {
            world.log("a", "line " + i, i % 2 == 0 ? Tone.ERROR : Tone.NEUTRAL);
        }

        Grid grid = SidebarView.render(world.sidebar(1, 24, 40));

        assertThat(grid.text().lines().skip(27).limit(10).toList()).containsExactly(
                " agents 0       current",
                " /a",
                " · line 3",
                " ✗ line 4",
                " · line 5",
                " ✗ line 6",
                " · line 7",
                " ✗ line 8",
                " · line 9",
                " ✗ line 10");
        assertThat(grid.cell(1, 30).style().foreground()).isEqualTo(MOCHA.red());
    }

    @Test
    void progressWithoutCountsShowsItsPercentAndAgentPromptsAreCut() {
        World world = new World().session("a", "/home/someone/projects/deeply/nested/a")
                .agent("a", "codex", AgentStatus.WAITING, null, "please approve the migration of every table")
                .progress("a", null, null, 42.0, "sync");

        Grid grid = SidebarView.render(world.sidebar(1, 24, 30));

        assertThat(grid.text().lines().skip(17).limit(8).toList()).containsExactly(
                " agents 1       current",
                " …jects/deeply/nested/a",
                " ◉ codex",
                "   blocked · codex",
                "   “please approve the…",
                "",
                " sync · 42%",
                " █████████░░░░░░░░░░░░░");
    }
}
