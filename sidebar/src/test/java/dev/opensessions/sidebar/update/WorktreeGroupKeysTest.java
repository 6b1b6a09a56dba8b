package dev.opensessions.sidebar.update;

import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.sidebar.World;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.Key;
import dev.opensessions.sidebar.model.KeyKind;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;
import dev.opensessions.sidebar.model.modal.KillConfirm;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static dev.opensessions.sidebar.World.name;
import static org.assertj.core.api.Assertions.assertThat;

/** Keys on worktree groups (docs/reference/sidebar.md#worktree-groups). */
class WorktreeGroupKeysTest {

    static final String API_REPO = "/code/api/.git";

    /** web, then the api group (api, api-login, api-docs), then notes; the client shows web. */
    static World world() {
        return new World()
                .session("web", "/code/web")
                .session("api", "/code/api").worktree("api", "/code/api", "main", false, 0, 0)
                .session("notes", "/code/notes")
                .session("api-login", "/code/api-login").worktree("api-login", "/code/api", "login", true, 3, 1)
                .session("api-docs", "/code/api-docs").worktree("api-docs", "/code/api", "docs", true, 0, 0)
                .client("/dev/pts/1", "web");
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

    private static Key alt(KeyKind kind) {
        return new Key(kind, 0, false, true, false);
    }

    private static List<SessionName> names(String... names) {
        return Arrays.stream(names).map(World::name).toList();
    }

    @Test
    void groupsGatherAroundTheirFirstMemberAndIndexesCountOnlySessions() {
        SidebarState state = world().sidebar(1, 40, 40);

        assertThat(state.sessions()).extracting(s -> s.name().value())
                .containsExactly("web", "api", "api-login", "api-docs", "notes");
        assertThat(press(state, Key.character('2')).effects()).containsExactly(new Effect.SwitchSession(name("api")));
        assertThat(press(state, Key.character('5')).effects()).containsExactly(new Effect.SwitchSession(name("notes")));
    }

    @Test
    void focusingAWorktreeGroupRehomesToTheChosenChildSession() {
        SidebarState onHeader = pressAll(world().sidebar(1, 40, 40), Key.character('j'));

        assertThat(onHeader.focusedRow(onHeader.rows())).isEqualTo(1);
        assertThat(onHeader.focusedSession()).contains(name("api"));
        assertThat(press(onHeader, Key.character('j')).state().focusedRow(onHeader.rows())).isEqualTo(2);
    }

    @Test
    void aCollapsedGroupTakesTheFocusForItsCurrentChild() {
        World world = world().settings(s -> s.withGroupCollapsed(API_REPO, true)).client("/dev/pts/1", "api-docs");
        SidebarState state = world.sidebar(5, 40, 40);

        SidebarState up = pressAll(state, Key.character('k'));

        assertThat(state.focusedRow(state.rows())).isEqualTo(1);
        assertThat(up.focusedSession()).contains(name("web"));
        assertThat(press(up, Key.character('j')).state().focusedSession()).contains(name("api-docs"));
    }

    @Test
    void enterOnAHeaderTogglesItsGroupAndOnAChildSwitchesToTheChild() {
        SidebarState onHeader = pressAll(world().sidebar(1, 40, 40), Key.character('j'));
        SidebarState onChild = pressAll(onHeader, Key.character('j'), Key.character('j'));

        assertThat(press(onHeader, Key.of(KeyKind.ENTER)).effects())
                .containsExactly(new Effect.SetGroupCollapsed(API_REPO, true));
        assertThat(press(onChild, Key.of(KeyKind.ENTER)).effects())
                .containsExactly(new Effect.SwitchSession(name("api-login")));
    }

    @Test
    void enterOnACollapsedHeaderExpandsIt() {
        SidebarState state = pressAll(world().settings(s -> s.withGroupCollapsed(API_REPO, true)).sidebar(1, 40, 40),
                Key.character('j'));

        assertThat(press(state, Key.of(KeyKind.ENTER)).effects())
                .containsExactly(new Effect.SetGroupCollapsed(API_REPO, false));
    }

    @Test
    void xOnAnExpandedWorktreeChildConfirmsKillingThatChild() {
        SidebarState state = pressAll(world().sidebar(1, 40, 40), Key.character('j'), Key.character('j'),
                Key.character('j'), Key.character('x'));

        assertThat(state.panel().modal()).isEqualTo(new KillConfirm("Kill worktree?", "api-login", names("api-login")));
        assertThat(press(state, Key.character('y')).effects())
                .containsExactly(new Effect.KillSessions(names("api-login")));
    }

    @Test
    void xOnTheActiveWorktreeChildKillsIt() {
        SidebarState state = pressAll(world().client("/dev/pts/1", "api").sidebar(2, 40, 40), Key.character('x'));

        assertThat(press(state, Key.of(KeyKind.ENTER)).effects()).containsExactly(new Effect.KillSessions(names("api")));
    }

    @Test
    void xOnAGroupHeaderConfirmsKillingTheWholeGroup() {
        SidebarState state = pressAll(world().sidebar(1, 40, 40), Key.character('j'), Key.character('x'));

        assertThat(state.panel().modal()).isEqualTo(new KillConfirm("Kill worktree group?", "3 sessions in api",
                names("api", "api-login", "api-docs")));
    }

    @Test
    void altArrowsOnAGroupMoveTheWholeGroupAsABlock() {
        SidebarState onHeader = pressAll(world().sidebar(1, 40, 40), Key.character('j'));
        SidebarState onChild = pressAll(onHeader, Key.character('j'), Key.character('j'));

        assertThat(press(onHeader, alt(KeyKind.DOWN)).effects()).containsExactly(new Effect.ArrangeSessions(
                names("web", "notes", "api", "api-login", "api-docs")));
        assertThat(press(onChild, alt(KeyKind.UP)).effects()).containsExactly(new Effect.ArrangeSessions(
                names("api", "api-login", "api-docs", "web", "notes")));
    }

    @Test
    void aSecondMoveBeforeTheCoreAnswersStartsFromTheFirst() {
        SidebarState onNotes = world().sidebar(3, 40, 40);

        Step<SidebarState> first = press(onNotes, alt(KeyKind.UP));
        Step<SidebarState> second = press(first.state(), alt(KeyKind.UP));

        assertThat(first.state().sessions()).extracting(s -> s.name().value())
                .containsExactly("web", "notes", "api", "api-login", "api-docs");
        assertThat(second.effects()).containsExactly(new Effect.ArrangeSessions(
                names("notes", "web", "api", "api-login", "api-docs")));
    }

    @Test
    void theAskedOrderGivesWayToTheCoresOrderOnceThatChanges() {
        World world = world();
        SidebarState asked = press(world.sidebar(3, 40, 40), alt(KeyKind.UP)).state();

        SidebarState sameOrder = SidebarUpdate.update(asked, new Msg.Snapshot(world.snapshot())).state();
        SidebarState answered = SidebarUpdate.update(asked,
                new Msg.Snapshot(world.order("notes", "web").snapshot())).state();

        assertThat(sameOrder.list().arranged()).isNotNull();
        assertThat(answered.list().arranged()).isNull();
        assertThat(answered.sessions()).extracting(s -> s.name().value())
                .containsExactly("notes", "web", "api", "api-login", "api-docs");
    }

    @Test
    void reorderingANormalSessionAcrossAGroupJumpsOverTheWholeGroup() {
        SidebarState onNotes = world().sidebar(3, 40, 40);
        SidebarState onWeb = world().sidebar(1, 40, 40);

        assertThat(press(onNotes, alt(KeyKind.UP)).effects()).containsExactly(new Effect.ArrangeSessions(
                names("web", "notes", "api", "api-login", "api-docs")));
        assertThat(press(onWeb, alt(KeyKind.DOWN)).effects()).containsExactly(new Effect.ArrangeSessions(
                names("api", "api-login", "api-docs", "web", "notes")));
    }

    @Test
    void tabTreatsACollapsedGroupAsItsChosenChild() {
        SidebarState state = world().settings(s -> s.withGroupCollapsed(API_REPO, true)).sidebar(1, 40, 40);

        Step<SidebarState> first = press(state, Key.of(KeyKind.TAB));
        Step<SidebarState> second = press(first.state(), Key.of(KeyKind.TAB));

        assertThat(first.effects()).containsExactly(new Effect.SwitchSession(name("api"), true));
        assertThat(second.effects()).containsExactly(new Effect.SwitchSession(name("notes"), true));
    }

    @Test
    void moreSessionsThanFitScrollByRowsToKeepTheFocusedRowWhole() {
        World world = world();
        for (int i = 1; i <= 6; i++) {
            world.session("extra" + i, "/code/extra" + i);
        }
        SidebarState state = world.agent("extra6", "amp", AgentStatus.RUNNING, null, null).sidebar(1, 40, 24);

        SidebarState last = state;
        for (int i = 0; i < 12; i++) {
            last = press(last, Key.character('j')).state();
        }

        assertThat(last.focusedSession()).contains(name("extra6"));
        assertThat(last.scroll()).isEqualTo(last.rows().rows().size() - 3);
        assertThat(last.withScroll(99).scroll()).isEqualTo(last.scroll());
    }
}
