package dev.opensessions.sidebar.update;

import dev.opensessions.sidebar.World;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.Key;
import dev.opensessions.sidebar.model.KeyKind;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;
import dev.opensessions.sidebar.view.SidebarView;
import org.junit.jupiter.api.Test;

import static dev.opensessions.sidebar.World.name;
import static org.assertj.core.api.Assertions.assertThat;

/** The reference's app-state input tests that concern the session list, over a list with a worktree group. */
class AppStateInputTest {

    private static Step<SidebarState> press(SidebarState state, Key key) {
        return SidebarUpdate.update(state, new Msg.KeyPressed(key));
    }

    @Test
    void sessionSwitchRequestDoesNotMakeTargetTheConfirmedActiveSession() {
        SidebarState state = WorktreeGroupKeysTest.world().sidebar(1, 40, 40);
        SidebarState onNotes = press(press(state, Key.character('5')).state(), Key.character('k')).state();

        Step<SidebarState> step = press(onNotes, Key.of(KeyKind.ENTER));

        assertThat(step.effects()).containsExactly(new Effect.SwitchSession(name("api-docs")));
        assertThat(step.state().current()).contains(name("web"));
        assertThat(SidebarView.render(step.state()).row(2)).startsWith("▌   01 ○ web");
        assertThat(SidebarView.render(step.state()).row(13)).startsWith("› ╰ 04 ○ api-docs");
    }

    @Test
    void tabSwitchQueuesNextVisibleSessionWithoutChangingConfirmedCurrentSession() {
        SidebarState state = WorktreeGroupKeysTest.world().sidebar(1, 40, 40);

        Step<SidebarState> tab = press(state, Key.of(KeyKind.TAB));
        Step<SidebarState> again = press(tab.state(), Key.of(KeyKind.TAB));

        assertThat(tab.effects()).as("Tab keeps the keyboard in the sidebar")
                .containsExactly(new Effect.SwitchSession(name("api"), true));
        assertThat(again.effects()).containsExactly(new Effect.SwitchSession(name("api-login"), true));
        assertThat(again.state().current()).contains(name("web"));
        assertThat(again.state().pending()).isEqualTo(name("api-login"));
    }

    @Test
    void localPaneIdentityOverridesStaleServerCurrentSessionOnStartup() {
        World world = WorktreeGroupKeysTest.world().client("/dev/pts/1", "notes").sidebarIn(1, "api-login");

        SidebarState state = world.sidebar(1, 40, 40);

        assertThat(state.current()).contains(name("api-login"));
        assertThat(state.focusedSession()).contains(name("api-login"));
        assertThat(SidebarView.render(state).row(10)).startsWith("▌ │ 03 ○ api-login");
    }

    @Test
    void sharedStateCurrentSessionIsNotAConfirmedClientActiveSession() {
        World world = WorktreeGroupKeysTest.world().client("/dev/pts/2", "notes");
        SidebarState state = world.sidebar(1, 40, 40);

        SidebarState next = SidebarUpdate.update(state,
                new Msg.Snapshot(world.client("/dev/pts/3", "api-docs").snapshot())).state();

        assertThat(next.current()).contains(name("web"));
        String screen = SidebarView.render(next).text();
        assertThat(screen.lines().filter(line -> line.startsWith("▌"))).containsExactly("▌   01 ○ web");
    }
}
