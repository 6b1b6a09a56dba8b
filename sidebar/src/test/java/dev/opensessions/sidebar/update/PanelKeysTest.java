package dev.opensessions.sidebar.update;

import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.ThreadKey;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.sidebar.AgentScope;
import dev.opensessions.sidebar.World;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.Key;
import dev.opensessions.sidebar.model.KeyKind;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.Panel;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

import static dev.opensessions.sidebar.World.name;
import static org.assertj.core.api.Assertions.assertThat;

/** The agents panel's keys and the keys that move between panels. */
class PanelKeysTest {

    /** api has two agents in panes (newest first: review, build), web one without a pane. */
    private static World agents() {
        return new World()
                .session("api", "/code/api")
                .session("web", "/code/web")
                .agentInPane("api", "claude-code", AgentStatus.RUNNING, "build", "%1")
                .agentInPane("api", "codex", AgentStatus.WAITING, "review", "%7")
                .agent("web", "amp", AgentStatus.DONE, "deploy", null, false)
                .client("/dev/pts/1", "api");
    }

    private static Step<SidebarState> press(SidebarState state, Key key) {
        return SidebarUpdate.update(state, new Msg.KeyPressed(key));
    }

    private static SidebarState pressAll(SidebarState state, Key... keys) {
        for (Key key : keys) {
            state = press(state, key).state();
        }
        return state;
    }

    private static SidebarState inAgents(SidebarState state) {
        return press(state, Key.ctrl('j')).state();
    }

    static List<Key> toAgents() {
        return List.of(Key.ctrl('j'), Key.of(KeyKind.RIGHT));
    }

    static List<Key> toSessions() {
        return List.of(Key.ctrl('k'), Key.of(KeyKind.LEFT), Key.of(KeyKind.ESCAPE));
    }

    @ParameterizedTest
    @MethodSource("toAgents")
    void ctrlJAndRightFocusTheAgentsPanel(Key key) {
        Step<SidebarState> step = press(agents().sidebar(1, 30, 40), key);

        assertThat(step.state().panel().focus()).isEqualTo(Panel.AGENTS);
        assertThat(step.effects()).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("toSessions")
    void ctrlKLeftAndEscGoBackToTheSessions(Key key) {
        Step<SidebarState> step = press(inAgents(agents().sidebar(1, 30, 40)), key);

        assertThat(step.state().panel().focus()).isEqualTo(Panel.SESSIONS);
        assertThat(step.effects()).isEmpty();
    }

    @Test
    void escInTheSessionsOfAPopupClosesThePopupAndADockedPaneStays() {
        World world = agents();
        SidebarState popup = SidebarState.initial(World.sidebarOf(1), true, 30, 40, world.snapshot());

        assertThat(press(popup, Key.of(KeyKind.ESCAPE)).effects()).containsExactly(new Effect.ClosePane());
        assertThat(press(world.sidebar(1, 30, 40), Key.of(KeyKind.ESCAPE)).effects()).isEmpty();
        assertThat(press(inAgents(popup), Key.of(KeyKind.ESCAPE)).effects()).isEmpty();
    }

    @Test
    void aTogglesTheScopeOfThisPaneInEitherPanelAndAPopupStartsInAll() {
        World world = agents();
        SidebarState docked = world.sidebar(1, 30, 40);

        assertThat(docked.panel().scope()).isEqualTo(AgentScope.CURRENT);
        assertThat(press(docked, Key.character('a')).state().panel().scope()).isEqualTo(AgentScope.ALL);
        assertThat(pressAll(inAgents(docked), Key.character('a'), Key.character('a')).panel().scope())
                .isEqualTo(AgentScope.CURRENT);
        assertThat(SidebarState.initial(World.sidebarOf(1), true, 30, 40, world.snapshot()).panel().scope())
                .isEqualTo(AgentScope.ALL);
    }

    @Test
    void jkAndArrowsMoveTheAgentSelectionWithinTheRowsNotTheSessionFocus() {
        SidebarState state = inAgents(agents().sidebar(1, 30, 40));

        SidebarState down = pressAll(state, Key.character('j'), Key.of(KeyKind.DOWN), Key.character('j'));
        assertThat(down.panel().agentIndex()).isEqualTo(1);
        assertThat(down.focused()).isEqualTo(name("api"));
        assertThat(pressAll(down, Key.character('k'), Key.of(KeyKind.UP)).panel().agentIndex()).isZero();
    }

    @Test
    void enterMarksTheSelectedAgentSeenAndFocusesItsPane() {
        SidebarState state = inAgents(agents().sidebar(1, 30, 40));

        assertThat(press(state, Key.of(KeyKind.ENTER)).effects()).containsExactly(
                new Effect.MarkAgentSeen(name("api"), ThreadKey.of("codex", "t-review")),
                new Effect.FocusAgent(PaneId.of("%7")));
        assertThat(press(press(state, Key.character('j')).state(), Key.of(KeyKind.ENTER)).effects()).containsExactly(
                new Effect.MarkAgentSeen(name("api"), ThreadKey.of("claude-code", "t-build")),
                new Effect.FocusAgent(PaneId.of("%1")));
    }

    @Test
    void enterOnAnAgentWithoutAPaneOnlyMarksItSeen() {
        SidebarState state = pressAll(agents().sidebar(2, 30, 40), Key.ctrl('j'));

        assertThat(press(state, Key.of(KeyKind.ENTER)).effects())
                .containsExactly(new Effect.MarkAgentSeen(name("web"), ThreadKey.of("amp", "t-deploy")));
    }

    @Test
    void enterWithNoAgentListedDoesNothing() {
        SidebarState state = inAgents(new World().session("api", "/code/api").client("/dev/pts/1", "api")
                .sidebar(1, 30, 40));

        assertThat(press(state, Key.of(KeyKind.ENTER)).effects()).isEmpty();
    }

    @Test
    void choosingAnAgentInAPopupClosesThePopup() {
        World world = agents();
        SidebarState popup = inAgents(SidebarState.initial(World.sidebarOf(1), true, 30, 40, world.snapshot()));

        assertThat(press(popup, Key.of(KeyKind.ENTER)).effects()).containsExactly(
                new Effect.MarkAgentSeen(name("api"), ThreadKey.of("codex", "t-review")),
                new Effect.FocusAgent(PaneId.of("%7")), new Effect.ClosePane());
    }

    @Test
    void dDismissesTheSelectedAgentAndXKillsItsPane() {
        SidebarState state = pressAll(agents().sidebar(1, 30, 40), Key.ctrl('j'), Key.character('j'));

        assertThat(press(state, Key.character('d')).effects())
                .containsExactly(new Effect.DismissAgent(name("api"), ThreadKey.of("claude-code", "t-build")));
        assertThat(press(state, Key.character('x')).effects())
                .containsExactly(new Effect.KillAgentPane(PaneId.of("%1")));
    }

    @Test
    void xOnAnAgentWithoutAPaneKillsNothingAndDStillDismisses() {
        SidebarState state = inAgents(agents().sidebar(2, 30, 40));

        assertThat(press(state, Key.character('x')).effects()).isEmpty();
        assertThat(press(state, Key.character('d')).effects())
                .containsExactly(new Effect.DismissAgent(name("web"), ThreadKey.of("amp", "t-deploy")));
    }

    @Test
    void inTheAllScopeTheSelectionWalksEverySessionsAgentsInDisplayOrder() {
        SidebarState state = pressAll(agents().sidebar(1, 30, 40), Key.ctrl('j'), Key.character('a'),
                Key.character('j'), Key.character('j'));

        assertThat(press(state, Key.character('d')).effects())
                .containsExactly(new Effect.DismissAgent(name("web"), ThreadKey.of("amp", "t-deploy")));
    }

    @Test
    void inTheSessionsPanelDAndXStayTheListsKeys() {
        SidebarState state = agents().sidebar(1, 30, 40);

        assertThat(press(state, Key.character('d')).effects()).containsExactly(new Effect.HideSession(name("api")));
    }

    @Test
    void listOnlyKeysDoNothingInTheAgentsPanelAndQStillQuits() {
        SidebarState state = inAgents(agents().sidebar(1, 30, 40));

        for (Key key : List.of(Key.of(KeyKind.TAB), Key.character('2'), new Key(KeyKind.UP, 0, false, true, false))) {
            Step<SidebarState> step = press(state, key);
            assertThat(step.effects()).as("%s", key).isEmpty();
            assertThat(step.state()).as("%s", key).isEqualTo(state);
        }
        assertThat(press(state, Key.character('q')).effects()).containsExactly(new Effect.QuitServer());
    }
}
