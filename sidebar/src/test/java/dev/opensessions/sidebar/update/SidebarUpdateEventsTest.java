package dev.opensessions.sidebar.update;

import dev.opensessions.sidebar.World;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.Key;
import dev.opensessions.sidebar.model.KeyKind;
import dev.opensessions.sidebar.model.MouseKind;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.opensessions.sidebar.World.name;
import static org.assertj.core.api.Assertions.assertThat;

/** Mouse, snapshots, resizes and ticks. */
class SidebarUpdateEventsTest {

    private static World sessions(int count) {
        World world = new World();
        for (int i = 1; i <= count; i++) {
            world.session("s" + i, "/code/s" + i);
        }
        return world.client("/dev/pts/1", "s1");
    }

    /** A press and a release on the same cell: a click acts on release. */
    private static Step<SidebarState> click(SidebarState state, int button, int y) {
        SidebarState pressed = SidebarUpdate.update(state, new Msg.Mouse(MouseKind.PRESS, button, 10, y)).state();
        return SidebarUpdate.update(pressed, new Msg.Mouse(MouseKind.RELEASE, button, 10, y));
    }

    private static List<Effect> withoutFlash(Step<SidebarState> step) {
        return step.effects().stream().filter(e -> !(e instanceof Effect.Later)).toList();
    }

    private static SidebarState send(SidebarState state, Msg... msgs) {
        for (Msg msg : msgs) {
            state = SidebarUpdate.update(state, msg).state();
        }
        return state;
    }

    @Test
    void leftClickOnASessionsNameOrDetailRowSwitchesToIt() {
        SidebarState state = sessions(4).sidebar(1, 40, 30);

        Step<SidebarState> onName = click(state, 0, 5);
        Step<SidebarState> onDetail = click(state, 0, 9);

        assertThat(withoutFlash(onName)).containsExactly(new Effect.SwitchSession(name("s2")));
        assertThat(onName.state().pending()).isEqualTo(name("s2"));
        assertThat(withoutFlash(onDetail)).containsExactly(new Effect.SwitchSession(name("s3")));
    }

    @Test
    void clicksOnSpacersHeaderOrWithOtherButtonsDoNothing() {
        SidebarState state = sessions(4).sidebar(1, 40, 30);

        assertThat(click(state, 0, 7).effects()).isEmpty();
        assertThat(click(state, 0, 0).effects()).isEmpty();
        assertThat(click(state, 0, 14).effects()).isEmpty();
        assertThat(click(state, 2, 5).effects()).isEmpty();
        assertThat(SidebarUpdate.update(state, new Msg.Mouse(MouseKind.RELEASE, 0, 10, 5)).effects()).isEmpty();
    }

    @Test
    void wheelScrollsTheListWithinItsLength() {
        // 40x24: a detail panel of 9 rows leaves 9 list rows, room for 3 of the 6 sessions.
        SidebarState state = sessions(6).sidebar(1, 40, 24);
        assertThat(state.layout().capacity()).isEqualTo(3);

        SidebarState down = send(state, new Msg.Mouse(MouseKind.SCROLL_DOWN, 0, 1, 3),
                new Msg.Mouse(MouseKind.SCROLL_DOWN, 0, 1, 3), new Msg.Mouse(MouseKind.SCROLL_DOWN, 0, 1, 3),
                new Msg.Mouse(MouseKind.SCROLL_DOWN, 0, 1, 3));
        SidebarState up = send(down, new Msg.Mouse(MouseKind.SCROLL_UP, 0, 1, 3));

        assertThat(down.scroll()).isEqualTo(3);
        assertThat(up.scroll()).isEqualTo(2);
        assertThat(withoutFlash(click(down, 0, 2))).containsExactly(new Effect.SwitchSession(name("s4")));
    }

    @Test
    void movingFocusPastTheScreenScrollsTheList() {
        SidebarState state = sessions(6).sidebar(1, 40, 24);
        for (int i = 0; i < 4; i++) {
            state = SidebarUpdate.update(state, new Msg.KeyPressed(Key.character('j'))).state();
        }
        assertThat(state.focused()).isEqualTo(name("s5"));
        assertThat(state.scroll()).isEqualTo(2);

        for (int i = 0; i < 4; i++) {
            state = SidebarUpdate.update(state, new Msg.KeyPressed(Key.of(KeyKind.UP))).state();
        }
        assertThat(state.scroll()).isEqualTo(0);
    }

    @Test
    void snapshotReplacesTheStateAndKeepsFocusOnASessionStillShown() {
        World world = sessions(3);
        SidebarState state = send(world.sidebar(1, 40, 30), new Msg.KeyPressed(Key.character('j')));

        SidebarState next = send(state, new Msg.Snapshot(world.session("s4", "/code/s4").snapshot()));

        assertThat(next.sessions()).hasSize(4);
        assertThat(next.focused()).isEqualTo(name("s2"));
    }

    @Test
    void focusWhoseSessionDisappearsIsRehomedToTheCurrentSession() {
        World world = sessions(3);
        SidebarState state = send(world.sidebar(1, 40, 30), new Msg.KeyPressed(Key.character('3')));

        SidebarState next = send(state, new Msg.Snapshot(world.remove("s3").snapshot()));

        assertThat(next.focused()).isEqualTo(name("s1"));
        assertThat(next.pending()).isNull();
    }

    @Test
    void pendingClearsWhenThePanesOwnSessionChanges() {
        World world = sessions(3);
        SidebarState state = send(world.sidebar(1, 40, 30), new Msg.KeyPressed(Key.of(KeyKind.TAB)));
        assertThat(state.pending()).isEqualTo(name("s2"));

        SidebarState moved = send(state, new Msg.Snapshot(world.sidebarIn(1, "s3").snapshot()));

        assertThat(moved.current()).contains(name("s3"));
        assertThat(moved.pending()).isNull();
        assertThat(moved.focused()).isEqualTo(name("s3"));
    }

    @Test
    void returningToThePanesSessionClearsPendingAndRehomesFocus() {
        World world = sessions(3);
        SidebarState state = send(world.sidebar(1, 40, 30), new Msg.KeyPressed(Key.of(KeyKind.TAB)));
        SidebarState away = send(state, new Msg.Snapshot(world.client("/dev/pts/1", "s2").snapshot()));
        assertThat(away.pending()).isEqualTo(name("s2"));
        assertThat(away.focused()).isEqualTo(name("s2"));

        SidebarState back = send(away, new Msg.Snapshot(world.client("/dev/pts/1", "s1").snapshot()));

        assertThat(back.pending()).isNull();
        assertThat(back.focused()).isEqualTo(name("s1"));
    }

    @Test
    void anOtherClientArrivingWhileOneStaysDoesNotMoveFocus() {
        World world = sessions(3);
        SidebarState state = send(world.sidebar(1, 40, 30), new Msg.KeyPressed(Key.character('j')));

        SidebarState next = send(state, new Msg.Snapshot(world.client("/dev/pts/2", "s1").snapshot()));

        assertThat(next.focused()).isEqualTo(name("s2"));
    }

    @Test
    void anOlderSnapshotIsIgnored() {
        World world = sessions(2);
        var older = world.snapshot();
        SidebarState state = send(world.sidebar(1, 40, 30), new Msg.Snapshot(world.session("s3", "/x").snapshot()));

        SidebarState next = send(state, new Msg.Snapshot(older));

        assertThat(next.sessions()).hasSize(3);
    }

    @Test
    void resizedSetsTheSizeAndKeepsTheFocusedRowOnScreen() {
        SidebarState state = send(sessions(6).sidebar(1, 40, 40), new Msg.KeyPressed(Key.character('6')));
        assertThat(state.scroll()).isZero();

        SidebarState small = send(state, new Msg.Resized(20, 24));

        assertThat(small.width()).isEqualTo(20);
        assertThat(small.height()).isEqualTo(24);
        assertThat(small.scroll()).isEqualTo(3);
    }

    @Test
    void tickAdvancesTheSpinnerOneFramePer120Milliseconds() {
        SidebarState state = sessions(1).sidebar(1, 40, 30);

        SidebarState first = send(state, new Msg.Tick(World.T0));
        SidebarState second = send(first, new Msg.Tick(World.T0.plus(Duration.ofMillis(120))));
        SidebarState same = send(second, new Msg.Tick(World.T0.plus(Duration.ofMillis(200))));

        assertThat(second.spinnerFrame()).isEqualTo((first.spinnerFrame() + 1) % SidebarState.SPINNER_FRAMES);
        assertThat(same.spinnerFrame()).isEqualTo(second.spinnerFrame());
    }
}
