package dev.opensessions.sidebar.update;

import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.sidebar.DiffPlace;
import dev.opensessions.domain.sidebar.SessionFilter;
import dev.opensessions.sidebar.World;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.Key;
import dev.opensessions.sidebar.model.KeyKind;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;
import dev.opensessions.sidebar.model.modal.KillConfirm;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.opensessions.sidebar.World.name;
import static org.assertj.core.api.Assertions.assertThat;

class SidebarUpdateTest {

    private static World fourSessions() {
        return new World()
                .session("api", "/code/api")
                .session("web", "/code/web")
                .session("docs", "/code/docs")
                .session("infra", "/srv/infra")
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

    private static SidebarState snapshot(SidebarState state, World world) {
        return SidebarUpdate.update(state, new Msg.Snapshot(world.snapshot())).state();
    }

    private static Key alt(KeyKind kind) {
        return new Key(kind, 0, false, true, false);
    }

    @Test
    void focusStartsOnThePanesOwnSession() {
        SidebarState state = fourSessions().sidebar(2, 40, 30);

        assertThat(state.current()).contains(name("web"));
        assertThat(state.focused()).isEqualTo(name("web"));
    }

    @Test
    void jAndDownMoveFocusWithoutSwitchingAndStopAtTheEnd() {
        SidebarState state = fourSessions().sidebar(1, 40, 30);

        Step<SidebarState> step = press(state, Key.character('j'));
        assertThat(step.state().focused()).isEqualTo(name("web"));
        assertThat(step.effects()).containsExactly(new Effect.ShareFocus(name("api"), name("web")));
        assertThat(step.state().pending()).isNull();

        SidebarState atEnd = pressAll(step.state(), Key.of(KeyKind.DOWN), Key.of(KeyKind.DOWN), Key.of(KeyKind.DOWN));
        assertThat(atEnd.focused()).isEqualTo(name("infra"));
    }

    @Test
    void kAndUpMoveFocusBackAndStopAtTheTop() {
        SidebarState state = fourSessions().sidebar(3, 40, 30);

        assertThat(press(state, Key.character('k')).state().focused()).isEqualTo(name("web"));
        assertThat(pressAll(state, Key.of(KeyKind.UP), Key.of(KeyKind.UP), Key.of(KeyKind.UP)).focused())
                .isEqualTo(name("api"));
    }

    @Test
    void enterSwitchesToTheFocusedSessionAndMarksItPending() {
        SidebarState state = pressAll(fourSessions().sidebar(1, 40, 30), Key.character('j'), Key.character('j'));

        Step<SidebarState> step = press(state, Key.of(KeyKind.ENTER));

        assertThat(step.effects()).containsExactly(new Effect.SwitchSession(name("docs")));
        assertThat(step.state().pending()).isEqualTo(name("docs"));
        assertThat(step.state().current()).contains(name("api"));
    }

    @Test
    void enterOnTheOwnSessionAsksNothing() {
        Step<SidebarState> step = press(fourSessions().sidebar(1, 40, 30), Key.of(KeyKind.ENTER));

        assertThat(step.effects()).isEmpty();
        assertThat(step.state().pending()).isNull();
    }

    @Test
    void digitSwitchesToTheSessionWithThatIndex() {
        Step<SidebarState> step = press(fourSessions().sidebar(1, 40, 30), Key.character('3'));

        assertThat(step.effects()).containsExactly(new Effect.SwitchSession(name("docs")));
        assertThat(step.state().pending()).isEqualTo(name("docs"));
        assertThat(step.state().focused()).isEqualTo(name("docs"));
    }

    @Test
    void digitPastTheListDoesNothing() {
        SidebarState state = fourSessions().sidebar(1, 40, 30);

        Step<SidebarState> step = press(state, Key.character('5'));

        assertThat(step.effects()).isEmpty();
        assertThat(step.state()).isEqualTo(state);
    }

    @Test
    void repeatedTabsAdvanceFromThePendingTargetAndWrap() {
        SidebarState state = fourSessions().sidebar(3, 40, 30);

        Step<SidebarState> first = press(state, Key.of(KeyKind.TAB));
        Step<SidebarState> second = press(first.state(), Key.of(KeyKind.TAB));
        Step<SidebarState> third = press(second.state(), Key.of(KeyKind.TAB));

        assertThat(first.effects()).containsExactly(new Effect.SwitchSession(name("infra"), true));
        assertThat(second.effects()).containsExactly(new Effect.SwitchSession(name("api"), true));
        assertThat(third.effects()).containsExactly(new Effect.SwitchSession(name("web"), true));
        assertThat(third.state().pending()).isEqualTo(name("web"));
        assertThat(third.state().current()).contains(name("docs"));
    }

    @Test
    void shiftTabGoesBackFromThePendingTarget() {
        SidebarState state = pressAll(fourSessions().sidebar(2, 40, 30), Key.of(KeyKind.TAB), Key.of(KeyKind.TAB));
        assertThat(state.pending()).isEqualTo(name("infra"));

        Step<SidebarState> back = press(state, Key.of(KeyKind.BACK_TAB));
        Step<SidebarState> shifted = press(back.state(), new Key(KeyKind.TAB, 0, false, false, true));

        assertThat(back.effects()).containsExactly(new Effect.SwitchSession(name("docs"), true));
        assertThat(shifted.state().pending()).isNull();
        assertThat(shifted.effects()).containsExactly(new Effect.SwitchSession(name("web"), true));
    }

    @Test
    void ctrlIIsTab() {
        Step<SidebarState> step = press(fourSessions().sidebar(1, 40, 30), Key.ctrl('i'));

        assertThat(step.effects()).containsExactly(new Effect.SwitchSession(name("web"), true));
    }

    @Test
    void qQuitsTheServerAndCtrlCClosesOnlyThePane() {
        SidebarState state = fourSessions().sidebar(1, 40, 30);

        assertThat(press(state, Key.character('q')).effects()).containsExactly(new Effect.QuitServer());
        assertThat(press(state, Key.ctrl('c')).effects()).containsExactly(new Effect.ClosePane());
    }

    @Test
    void dHidesTheFocusedSessionAndUShowsAll() {
        SidebarState state = pressAll(fourSessions().sidebar(1, 40, 30), Key.character('j'));

        assertThat(press(state, Key.character('d')).effects()).containsExactly(new Effect.HideSession(name("web")));
        assertThat(press(state, Key.character('u')).effects()).containsExactly(new Effect.ShowAllSessions());
    }

    @Test
    void altUpAndAltDownMoveTheFocusedSessionOnePlaceInTheWholeOrder() {
        SidebarState state = pressAll(fourSessions().sidebar(1, 40, 30), Key.character('j'), Key.character('j'));

        assertThat(press(state, alt(KeyKind.UP)).effects()).containsExactly(new Effect.ArrangeSessions(
                List.of(name("api"), name("docs"), name("web"), name("infra"))));
        assertThat(press(state, alt(KeyKind.DOWN)).effects()).containsExactly(new Effect.ArrangeSessions(
                List.of(name("api"), name("web"), name("infra"), name("docs"))));
        assertThat(press(state, alt(KeyKind.UP)).state().focused()).isEqualTo(name("docs"));
    }

    @Test
    void altUpOnTheFirstSessionAsksNothing() {
        assertThat(press(fourSessions().sidebar(1, 40, 30), alt(KeyKind.UP)).effects()).isEmpty();
    }

    @Test
    void fAsksForTheNextSharedFilterAndTheListFollowsTheSnapshot() {
        World world = fourSessions()
                .agent("web", "claude-code", AgentStatus.RUNNING, "login", null)
                .agent("docs", "codex", AgentStatus.WAITING, null, null)
                .agent("infra", "amp", AgentStatus.DONE, null, null, false);
        SidebarState state = world.sidebar(1, 40, 30);

        Step<SidebarState> asked = press(state, Key.character('f'));
        assertThat(asked.effects()).containsExactly(new Effect.SetFilter(SessionFilter.ACTIVE));
        assertThat(asked.state()).isEqualTo(state);

        SidebarState active = snapshot(asked.state(), world.settings(s -> s.withFilter(SessionFilter.ACTIVE)));
        assertThat(press(active, Key.character('f')).effects())
                .containsExactly(new Effect.SetFilter(SessionFilter.RUNNING));
        SidebarState running = snapshot(active, world.settings(s -> s.withFilter(SessionFilter.RUNNING)));
        assertThat(press(running, Key.character('f')).effects()).containsExactly(new Effect.SetFilter(SessionFilter.ALL));

        assertThat(active.sessions()).extracting(s -> s.name().value()).containsExactly("web", "docs");
        assertThat(running.sessions()).extracting(s -> s.name().value()).containsExactly("web");
    }

    @Test
    void aSharedFilterThatHidesTheFocusedSessionMovesFocusToTheFirstShown() {
        World world = fourSessions().agent("docs", "codex", AgentStatus.RUNNING, null, null);
        SidebarState state = world.sidebar(1, 40, 30);

        SidebarState active = snapshot(state, world.settings(s -> s.withFilter(SessionFilter.ACTIVE)));

        assertThat(active.focused()).isEqualTo(name("docs"));
    }

    @Test
    void rRefreshesNAndCOpenANewSessionLAndShiftLOpenTheDiff() {
        SidebarState state = pressAll(fourSessions().sidebar(1, 40, 30), Key.character('j'));

        assertThat(press(state, Key.character('r')).effects()).containsExactly(new Effect.Refresh());
        assertThat(press(state, Key.character('n')).effects()).containsExactly(new Effect.NewSession());
        assertThat(press(state, Key.character('c')).effects()).containsExactly(new Effect.NewSession());
        assertThat(press(state, Key.character('l')).effects())
                .containsExactly(new Effect.OpenDiff(name("web"), DiffPlace.POPUP));
        assertThat(press(state, Key.character('L')).effects())
                .containsExactly(new Effect.OpenDiff(name("web"), DiffPlace.WINDOW));
    }

    @Test
    void inAPopupQAndEscCloseOnlyThePopup() {
        World world = fourSessions();
        SidebarState popup = SidebarState.initial(World.sidebarOf(1), true, 40, 30, world.snapshot());

        assertThat(press(popup, Key.character('q')).effects()).containsExactly(new Effect.ClosePane());
        assertThat(press(popup, Key.of(KeyKind.ESCAPE)).effects()).containsExactly(new Effect.ClosePane());
    }

    @Test
    void jAndKShareTheFocusWithTheOtherSidebarsOfThisSession() {
        SidebarState state = fourSessions().sidebar(1, 40, 30);

        Step<SidebarState> down = press(state, Key.character('j'));
        Step<SidebarState> up = press(down.state(), Key.of(KeyKind.UP));
        Step<SidebarState> atTop = press(up.state(), Key.character('k'));

        assertThat(down.effects()).containsExactly(new Effect.ShareFocus(name("api"), name("web")));
        assertThat(up.effects()).containsExactly(new Effect.ShareFocus(name("api"), name("api")));
        assertThat(atTop.effects()).isEmpty();
    }

    @Test
    void xOpensTheKillConfirmForTheFocusedSessionAndYKillsIt() {
        SidebarState state = pressAll(fourSessions().sidebar(1, 40, 30), Key.character('j'), Key.character('x'));

        assertThat(state.panel().modal()).isEqualTo(new KillConfirm("Kill session?", "web", List.of(name("web"))));
        Step<SidebarState> yes = press(state, Key.character('y'));
        assertThat(yes.effects()).containsExactly(new Effect.KillSessions(List.of(name("web"))));
        assertThat(yes.state().panel().modal()).isNull();
        assertThat(press(state, Key.of(KeyKind.ENTER)).effects())
                .containsExactly(new Effect.KillSessions(List.of(name("web"))));
    }

    @Test
    void nOrEscCloseTheKillConfirmAndOtherKeysKeepIt() {
        SidebarState state = pressAll(fourSessions().sidebar(1, 40, 30), Key.character('x'));

        Step<SidebarState> no = press(state, Key.character('n'));
        Step<SidebarState> esc = press(state, Key.of(KeyKind.ESCAPE));
        Step<SidebarState> other = press(state, Key.character('j'));

        assertThat(no.effects()).isEmpty();
        assertThat(no.state().panel().modal()).isNull();
        assertThat(esc.state().panel().modal()).isNull();
        assertThat(other.state()).isEqualTo(state);
        assertThat(other.effects()).isEmpty();
    }

    @Test
    void otherKeysChangeNothing() {
        SidebarState state = fourSessions().sidebar(1, 40, 30);

        Step<SidebarState> step = press(state, Key.character('z'));

        assertThat(step.state()).isEqualTo(state);
        assertThat(step.effects()).isEmpty();
    }
}
