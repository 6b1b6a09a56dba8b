package dev.opensessions.sidebar.view;

import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.metadata.Tone;
import dev.opensessions.sidebar.World;
import dev.opensessions.sidebar.model.Key;
import dev.opensessions.sidebar.model.KeyKind;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.update.SidebarUpdate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The agents panel in both scopes, its selection and its focused title, as text grids. */
class AgentsPanelViewTest {

    private static final Theme MOCHA = Theme.catppuccinMocha();

    /** api listens on two ports and has two agents in panes; web has one finished agent with a prompt. */
    private static World world() {
        return new World()
                .session("api", "/code/api").ports("api", 5173, 8080)
                .session("web", "/code/web")
                .agentInPane("api", "claude-code", AgentStatus.RUNNING, "build", "%1")
                .agentInPane("api", "codex", AgentStatus.WAITING, "review", "%7")
                .agent("web", "amp", AgentStatus.DONE, "deploy the thing", "ship it now", false)
                .status("api", "deploying", Tone.INFO)
                .client("/dev/pts/1", "api");
    }

    private static SidebarState press(SidebarState state, Key... keys) {
        for (Key key : keys) {
            state = SidebarUpdate.update(state, new Msg.KeyPressed(key)).state();
        }
        return state;
    }

    /** The panel's rows, from its title down. */
    private static List<String> panel(Grid grid, SidebarState state) {
        int top = state.layout().detailTop();
        return grid.text().lines().skip(top).limit(state.layout().detailRows()).toList();
    }

    @Test
    void agentPanelUsesCleanCurrentAndAllScopeLabels() {
        SidebarState current = world().sidebar(1, 30, 34);
        SidebarState all = press(current, Key.character('a'));

        assertThat(panel(SidebarView.render(current), current).getFirst()).isEqualTo(" agents 2             current");
        assertThat(panel(SidebarView.render(all), all).getFirst()).isEqualTo(" agents 3                 all");
    }

    @Test
    void agentDetailPanelShowsLastUserPromptWithoutPollutingSessionRows() {
        SidebarState web = press(world().sidebar(1, 30, 34), Key.character('j'));

        Grid grid = SidebarView.render(web);

        assertThat(panel(grid, web)).startsWith(
                " agents 1             current",
                " /code/web",
                " ✓ deploy the thing",
                "   done · amp",
                "   “ship it now”");
        assertThat(grid.text().lines().limit(web.layout().detailTop()).toList())
                .noneMatch(row -> row.contains("ship it"));
    }

    @Test
    void currentScopeShowsDirectoryLinksAgentsAndMetadataOfTheFocusedSession() {
        SidebarState state = world().sidebar(1, 30, 34);

        Grid grid = SidebarView.render(state);

        assertThat(panel(grid, state)).containsExactly(
                " agents 2             current",
                " /code/api",
                " ⌁5173 ⌁8080",
                " ◉ review",
                "   blocked · codex",
                "",
                " ⠋ build",
                "   working · claude-code",
                "",
                "  ℹ deploying");
        int top = state.layout().detailTop();
        assertThat(grid.cell(1, top + 2).style().foreground()).isEqualTo(MOCHA.mauve());
        assertThat(grid.cell(1, top + 3).style().foreground()).isEqualTo(MOCHA.blue());
        assertThat(grid.cell(1, top + 6).style().foreground()).isEqualTo(MOCHA.yellow());
        assertThat(grid.cell(22, top).style().foreground()).isEqualTo(MOCHA.overlay1());
    }

    @Test
    void allScopeListsEveryAgentCompactlyInDisplayOrder() {
        SidebarState state = press(world().sidebar(2, 30, 34), Key.character('a'));

        Grid grid = SidebarView.render(state);

        assertThat(panel(grid, state)).containsExactly(
                " agents 3                 all",
                " ◉ api · review",
                " ⠋ api · build",
                " ✓ web · deploy the thing",
                "", "", "", "", "", "");
        int top = state.layout().detailTop();
        assertThat(grid.cell(1, top + 3).style().foreground()).isEqualTo(MOCHA.green());
        assertThat(grid.cell(3, top + 3).style().foreground()).isEqualTo(MOCHA.text());
        assertThat(grid.cell(7, top + 3).style().foreground()).isEqualTo(MOCHA.subtext0());
    }

    @Test
    void theSelectedAgentIsHighlightedWhileThePanelHasTheKeyboard() {
        SidebarState focused = press(world().sidebar(1, 30, 34), Key.ctrl('j'), Key.character('j'));
        int top = focused.layout().detailTop();

        Grid grid = SidebarView.render(focused);
        Grid unfocused = SidebarView.render(press(focused, Key.ctrl('k')));

        for (int line : new int[]{6, 7}) {
            assertThat(grid.cell(0, top + line).style().background()).as("line %d", line).isEqualTo(MOCHA.surface0());
            assertThat(grid.cell(29, top + line).style().background()).as("line %d", line).isEqualTo(MOCHA.surface0());
            assertThat(unfocused.cell(0, top + line).style().background()).isEqualTo(Theme.catppuccinMocha().base());
        }
        assertThat(grid.cell(0, top + 3).style().background()).isEqualTo(Theme.catppuccinMocha().base());
        assertThat(grid.cell(0, top + 8).style().background()).as("spacer").isEqualTo(Theme.catppuccinMocha().base());
        assertThat(grid.text()).isEqualTo(unfocused.text());
    }

    @Test
    void inTheAllScopeTheSelectedRowIsHighlighted() {
        SidebarState state = press(world().sidebar(1, 30, 34), Key.ctrl('j'), Key.character('a'), Key.character('j'),
                Key.character('j'));
        int top = state.layout().detailTop();

        Grid grid = SidebarView.render(state);

        assertThat(grid.cell(3, top + 3).style().background()).isEqualTo(MOCHA.surface0());
        assertThat(grid.cell(3, top + 2).style().background()).isEqualTo(Theme.catppuccinMocha().base());
    }

    @Test
    void theFocusedPanelsTitleIsHighlighted() {
        SidebarState sessions = world().sidebar(1, 30, 34);
        SidebarState agents = press(sessions, Key.of(KeyKind.RIGHT));
        int top = sessions.layout().detailTop();

        Grid focused = SidebarView.render(agents);
        Grid unfocused = SidebarView.render(sessions);

        assertThat(focused.cell(1, top).style().foreground()).isEqualTo(MOCHA.lavender());
        assertThat(focused.cell(1, top).style().bold()).isTrue();
        assertThat(focused.cell(22, top).style().foreground()).isEqualTo(MOCHA.lavender());
        assertThat(unfocused.cell(1, top).style().foreground()).isEqualTo(MOCHA.subtext1());
    }

    @Test
    void aSelectionBelowThePanelScrollsTheAgentsIntoView() {
        World world = new World().session("api", "/code/api").client("/dev/pts/1", "api");
        for (int i = 1; i <= 12; i++) {
            world.agent("api", "amp", AgentStatus.DONE, "job" + (char) ('a' + i - 1), null, false);
        }
        SidebarState state = press(world.sidebar(1, 24, 34), Key.ctrl('j'), Key.character('a'));
        for (int i = 0; i < 11; i++) {
            state = press(state, Key.character('j'));
        }

        List<String> rows = panel(SidebarView.render(state), state);

        assertThat(rows.getFirst()).isEqualTo(" agents 12          all");
        assertThat(rows.get(1)).isEqualTo(" ✓ api · jobh");
        assertThat(rows.get(rows.size() - 2)).isEqualTo(" ✓ api · joba");
        assertThat(rows.getLast()).as("the agents cut are counted").isEqualTo(" +4 more");
    }

    @Test
    void agentsBeyondThePanelsHeightAreCountedOnAHintLine() {
        World world = new World().session("api", "/code/api").client("/dev/pts/1", "api");
        for (int i = 1; i <= 5; i++) {
            world.agent("api", "amp", AgentStatus.DONE, "job" + i, null, false);
        }
        SidebarState state = world.sidebar(1, 30, 34);

        List<String> rows = panel(SidebarView.render(state), state);

        assertThat(rows).hasSize(10);
        assertThat(rows.get(7)).as("right below the last whole entry").isEqualTo(" +3 more");
        assertThat(rows.stream().filter(row -> row.startsWith(" ✓ job"))).hasSize(2);
    }

    @Test
    void theLogLinePushedLastIsShownWhenThePanelIsTooShortForEveryLine() {
        World world = world();
        for (int i = 1; i <= 9; i++) {
            world.log("api", "step " + i, Tone.INFO);
        }
        world.log("api", "newest", Tone.SUCCESS, "deploy");
        SidebarState state = world.sidebar(1, 30, 34);

        List<String> rows = panel(SidebarView.render(state), state);

        assertThat(rows).hasSize(10);
        assertThat(rows.getLast()).as("the newest line, with its source").isEqualTo(" ✓ deploy · newest");
        assertThat(String.join("\n", rows)).doesNotContain("step 1").contains(" ◉ review").contains("+1 more");
    }

    @Test
    void aLogLineShowsItsSourceBeforeItsMessage() {
        SidebarState state = world().log("api", "tests green", Tone.SUCCESS, "ci").sidebar(1, 30, 50);

        assertThat(panel(SidebarView.render(state), state)).contains(" ✓ ci · tests green");
    }

    @Test
    void atTwentyColumnsTheTitleYieldsToTheScopeAndLinesAreCut() {
        SidebarState state = world().sidebar(1, 20, 34);
        SidebarState all = press(state, Key.character('a'));

        assertThat(panel(SidebarView.render(state), state)).containsExactly(
                " agents 2   current",
                " /code/api",
                " ⌁5173 ⌁8080",
                " ◉ review",
                "   blocked · codex",
                "",
                " ⠋ build",
                "   working · claud…",
                "",
                "  ℹ deploying");
        assertThat(panel(SidebarView.render(all), all)).startsWith(
                " agents 3       all",
                " ◉ api · review",
                " ⠋ api · build",
                " ✓ web · deploy th…");
    }
}
