package dev.opensessions.sidebar.update;

import dev.opensessions.domain.sidebar.DiffPlace;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.sidebar.SessionFilter;
import dev.opensessions.sidebar.World;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.MouseKind;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.opensessions.sidebar.World.name;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mouse on the session list over web, the api group and notes at 40x40. Lines: web 2-3, the
 * header 5, api 7-8, api-login 10-11, api-docs 13-14, notes 16-17.
 */
class ListMouseTest {

    private static final int HEADER = 5;
    private static final int LOGIN = 10;
    private static final int NOTES = 16;

    private static World world() {
        return WorktreeGroupKeysTest.world().ports("api-login", 3000)
                .agentInPane("api-login", "claude-code", AgentStatus.WAITING, "login", "%9");
    }

    private static SidebarState send(SidebarState state, Msg... msgs) {
        for (Msg msg : msgs) {
            state = SidebarUpdate.update(state, msg).state();
        }
        return state;
    }

    private static Msg at(MouseKind kind, int x, int y) {
        return new Msg.Mouse(kind, 0, x, y);
    }

    private static Step<SidebarState> click(SidebarState state, int x, int y) {
        return SidebarUpdate.update(send(state, at(MouseKind.PRESS, x, y)), at(MouseKind.RELEASE, x, y));
    }

    private static List<Effect> withoutFlash(Step<SidebarState> step) {
        return step.effects().stream().filter(e -> !(e instanceof Effect.Later)).toList();
    }

    @Test
    void clickOnSessionRowQueuesSwitchWithoutChangingConfirmedActiveSession() {
        SidebarState state = world().sidebar(1, 40, 40);

        Step<SidebarState> pressed = SidebarUpdate.update(state, at(MouseKind.PRESS, 20, NOTES));
        Step<SidebarState> clicked = SidebarUpdate.update(pressed.state(), at(MouseKind.RELEASE, 20, NOTES));

        assertThat(pressed.effects()).isEmpty();
        assertThat(withoutFlash(clicked)).containsExactly(new Effect.SwitchSession(name("notes")));
        assertThat(clicked.state().pending()).isEqualTo(name("notes"));
        assertThat(clicked.state().current()).contains(name("web"));
        assertThat(clicked.effects()).contains(new Effect.Later(MouseActions.FLASH,
                new Msg.Timer(MouseActions.FLASH_TIMER, clicked.state().list().generation())));
    }

    @Test
    void clickOnAGroupHeaderTogglesItsCollapse() {
        Step<SidebarState> step = click(world().sidebar(1, 40, 40), 20, HEADER);

        assertThat(withoutFlash(step)).containsExactly(
                new Effect.SetGroupCollapsed(WorktreeGroupKeysTest.API_REPO, true));
    }

    @Test
    void clickOnTheSignalSwitchesAndShowsTheAgentsPane() {
        Step<SidebarState> step = click(world().sidebar(1, 40, 40), 7, LOGIN);

        assertThat(withoutFlash(step)).containsExactly(new Effect.SwitchSession(name("api-login")),
                new Effect.FocusAgent(PaneId.of("%9")));
    }

    @Test
    void clickOnTheSignalOfASessionWithoutAgentPanesOnlySwitches() {
        Step<SidebarState> step = click(world().sidebar(1, 40, 40), 7, NOTES);

        assertThat(withoutFlash(step)).containsExactly(new Effect.SwitchSession(name("notes")));
    }

    @Test
    void clickOnTheDiffCountsOpensTheDiffAndOnThePortOpensTheBrowser() {
        SidebarState state = world().sidebar(1, 40, 40);

        assertThat(withoutFlash(click(state, 35, LOGIN + 1)))
                .containsExactly(new Effect.OpenDiff(name("api-login"), DiffPlace.POPUP));
        assertThat(withoutFlash(click(state, 17, LOGIN + 1))).containsExactly(new Effect.OpenPort(3000));
        assertThat(withoutFlash(click(state, 30, LOGIN + 1))).containsExactly(new Effect.SwitchSession(name("api-login")));
    }

    @Test
    void moveHoversTheListOnlyInsideIt() {
        SidebarState state = world().sidebar(1, 40, 40);

        assertThat(send(state, at(MouseKind.MOVE, 3, LOGIN)).list().hoverY()).isEqualTo(LOGIN);
        assertThat(send(state, at(MouseKind.MOVE, 3, LOGIN), at(MouseKind.MOVE, 3, 0)).list().hoverY()).isEqualTo(-1);
    }

    @Test
    void dragAndReleaseOnAnotherRowMovesTheBlockThere() {
        SidebarState state = world().sidebar(1, 40, 40);

        Step<SidebarState> dropped = SidebarUpdate.update(
                send(state, at(MouseKind.PRESS, 20, NOTES), at(MouseKind.DRAG, 20, LOGIN)), at(MouseKind.RELEASE, 20, LOGIN));
        Step<SidebarState> groupDropped = SidebarUpdate.update(
                send(state, at(MouseKind.PRESS, 20, HEADER), at(MouseKind.DRAG, 20, 2)), at(MouseKind.RELEASE, 20, 2));

        assertThat(dropped.effects()).containsExactly(new Effect.ArrangeSessions(List.of(name("web"), name("notes"),
                name("api"), name("api-login"), name("api-docs"))));
        assertThat(dropped.state().list().pressed()).isNull();
        assertThat(dropped.state().list().dragY()).isEqualTo(-1);
        assertThat(groupDropped.effects()).containsExactly(new Effect.ArrangeSessions(List.of(name("api"),
                name("api-login"), name("api-docs"), name("web"), name("notes"))));
    }

    @Test
    void dragReorderIsDisabledWhileAFilterIsActive() {
        World world = new World().session("a", "/a").session("b", "/b").client("/dev/pts/1", "a")
                .agent("a", "amp", AgentStatus.RUNNING, null, null).agent("b", "codex", AgentStatus.RUNNING, null, null)
                .settings(s -> s.withFilter(SessionFilter.ACTIVE));
        SidebarState state = world.sidebar(1, 40, 40);

        Step<SidebarState> step = SidebarUpdate.update(
                send(state, at(MouseKind.PRESS, 20, 5), at(MouseKind.DRAG, 20, 2)), at(MouseKind.RELEASE, 20, 2));

        assertThat(state.sessions()).hasSize(2);
        assertThat(step.effects()).isEmpty();
    }

    @Test
    void draggingTheUpperSeparatorResizesTheDetailPanelAndSetsTheSharedHeightOnRelease() {
        SidebarState state = world().sidebar(1, 40, 40);
        int separator = state.layout().upperSeparator().orElseThrow();

        SidebarState dragging = send(state, at(MouseKind.PRESS, 10, separator), at(MouseKind.DRAG, 10, separator - 4));
        Step<SidebarState> released = SidebarUpdate.update(dragging, at(MouseKind.RELEASE, 10, separator - 4));

        assertThat(dragging.layout().detailRows()).isEqualTo(14);
        assertThat(released.effects()).containsExactly(new Effect.SetDetailHeight(14));
        assertThat(released.state().list().resizing()).isFalse();
    }

    @Test
    void theDetailPanelHeightComesFromTheSharedSettings() {
        SidebarState state = world().settings(s -> s.withDetailHeight(6)).sidebar(1, 40, 40);

        assertThat(state.layout().detailRows()).isEqualTo(6);
        assertThat(state.layout().upperSeparator()).contains(30);
    }

    @Test
    void pressesInTheDetailPanelAreNotListClicks() {
        SidebarState state = world().sidebar(1, 40, 40);
        int inPanel = state.layout().detailTop() + 3;

        Step<SidebarState> step = click(state, 20, inPanel);

        assertThat(step.state().list().pressed()).isNull();
        assertThat(step.effects()).noneMatch(e -> e instanceof Effect.SwitchSession || e instanceof Effect.Later);
    }

    @Test
    void aReleaseWithoutAPressOrOnASpacerDoesNothing() {
        SidebarState state = world().sidebar(1, 40, 40);

        assertThat(SidebarUpdate.update(state, at(MouseKind.RELEASE, 20, NOTES)).effects()).isEmpty();
        assertThat(click(state, 20, NOTES - 1).effects()).isEmpty();
    }
}
