package dev.opensessions.sidebar.view;

import dev.opensessions.domain.sidebar.AgentScope;
import dev.opensessions.sidebar.LongWorld;
import dev.opensessions.sidebar.Screens;
import dev.opensessions.sidebar.model.SidebarState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A list far longer than the pane: only the window of rows at the scroll position is drawn, exactly as it
 * was before the view stopped laying out off-screen rows except for the row numbers, which take three
 * cells from the hundredth session on; the header still counts every session.
 */
class LongListViewTest {

    @Test
    void theWindowAroundTheCurrentSessionOfTwoHundred() {
        SidebarState state = LongWorld.of().sidebar(100, 26, 40).scrolledToFocus();

        assertThat(SidebarView.render(state).text()).isEqualTo(Screens.of(
                " sessi… ⚑90 ⚡120 ●60 200",
                "",
                "    094 ⚙ s094",
                "          main   +282 -94",
                "",
                "  ▾     ● s095    2wt ⚡1",
                "  │",
                "  │ 095 ⠋ s095",
                "  │       main",
                "  │",
                "  ╰ 096 ● s096",
                "          featu… +288 -96",
                "",
                "    097 ○ s097",
                "          main",
                "",
                "  ▾     ✗ s098    2wt ⚡2",
                "  │",
                "  │ 098 ✗ s098",
                "  │       ma…  ⌁3098 (+1)",
                "  │",
                "  ╰ 099 ⚙ s099",
                "          feature-99",
                "",
                "▌   100 ⠋ s100",
                "          main  +300 -100",
                " ─────────────────────────",
                " agents 1         current",
                " /home/u/code/s100",
                " ⠋ task 100",
                "   working · claude-code",
                "   “fix s100”",
                "",
                "  ℹ deploying 100",
                "",
                "",
                "",
                " ─────────────────────────",
                " ⇥ cycle  ⏎ go  → agents",
                " f filter  w width"));
    }

    @Test
    void aScrolledWindowWithACollapsedGroupAndEveryAgent() {
        SidebarState state = LongWorld.of()
                .settings(s -> s.withGroupCollapsed("/home/u/code/s152/.git", true).withAgentScope(AgentScope.ALL))
                .sidebar(100, 26, 40).withScroll(150).withSpinnerFrame(3);

        assertThat(SidebarView.render(state).text()).isEqualTo(Screens.of(
                " sessi… ⚑90 ⚡120 ●60 200",
                "",
                "  │ 113 ○ s113",
                "  │       main",
                "  │",
                "  ╰ 114 ⚙ s114",
                "          feat… +342 -114",
                "",
                "    115 ⠸ s115",
                "          main",
                "",
                "  ▾     ● s116     2wt ●1",
                "  │",
                "  │ 116 ● s116",
                "  │       main  +348 -116",
                "  │",
                "  ╰ 117 ○ s117",
                "          feature-117",
                "",
                "    118 ✗ s118",
                "          main  +354 -118",
                "",
                "  ▾     ⚙ s119    2wt ⚡2",
                "  │",
                "  │ 119 ⚙ s119",
                "  │       ma…  ⌁3119 (+1)",
                " ─────────────────────────",
                " agents 150           all",
                " ◉ s002 · task 2",
                " ✗ s003 · task 3",
                " ⚙ s004 · task 4",
                " ● s006 · task 6",
                " ◉ s007 · task 7",
                " ✗ s008 · task 8",
                " ⠸ s010 · task 10",
                " ● s011 · task 11",
                " +142 more",
                " ─────────────────────────",
                " ⇥ cycle  ⏎ go  → agents",
                " f filter  w width"));
    }

    @Test
    void renderingTwiceGivesEqualFrames() {
        SidebarState state = LongWorld.of().sidebar(100, 26, 40).scrolledToFocus();

        assertThat(SidebarView.render(state)).isEqualTo(SidebarView.render(state));
    }
}
