package dev.opensessions.sidebar.runtime;

import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.sidebar.ThemeChoice;
import dev.opensessions.sidebar.World;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.Key;
import dev.opensessions.sidebar.model.KeyKind;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.view.Grid;
import dev.opensessions.sidebar.view.Theme;
import dev.opensessions.sidebar.view.Themes;
import org.junit.jupiter.api.Test;

import static dev.opensessions.sidebar.World.name;
import static org.assertj.core.api.Assertions.assertThat;

class SidebarProgramTest {

    private final SidebarProgram program = new SidebarProgram();

    private static World quietSessions(int count) {
        World world = new World();
        for (int i = 1; i <= count; i++) {
            world.session("s" + i, "/code/s" + i);
        }
        return world;
    }

    @Test
    void initialStateComesFromThePaneContext() {
        World world = quietSessions(2);
        SidebarState state = program.initial(new PaneContext(World.sidebarOf(2), 30, 25, world.snapshot()));

        assertThat(state.current()).contains(name("s2"));
        assertThat(state.width()).isEqualTo(30);
        assertThat(program.view(state).height()).isEqualTo(25);
        // The program also asks for the wait figures of the session the agents panel now describes.
        assertThat(program.update(state, new Msg.KeyPressed(Key.of(KeyKind.TAB))).effects())
                .containsExactly(new Effect.SwitchSession(name("s1"), true), new Effect.LoadWaits(name("s1")));
    }

    @Test
    void animatesOnlyWhileARunningSpinnerIsOnScreen() {
        World world = quietSessions(8).agent("s8", "claude-code", AgentStatus.RUNNING, null, null);
        SidebarState top = program.initial(new PaneContext(World.sidebarOf(1), 30, 24, world.snapshot()));

        assertThat(program.animating(top, program.view(top))).isFalse();
        SidebarState scrolled = top.withScroll(5);
        assertThat(program.animating(scrolled, program.view(scrolled))).isTrue();
    }

    @Test
    void aRunningAgentInTheDetailPanelAnimatesEvenWhenItsRowIsScrolledAway() {
        World world = quietSessions(8).agent("s8", "claude-code", AgentStatus.RUNNING, null, null);
        SidebarState state = program.initial(new PaneContext(World.sidebarOf(1), 30, 24, world.snapshot()));
        state = program.update(state, new Msg.KeyPressed(Key.character('8'))).state().withScroll(0);

        assertThat(program.animating(state, program.view(state))).isTrue();
    }

    @Test
    void toolRunningShowsNoSpinnerSoNothingAnimates() {
        World world = quietSessions(1).agent("s1", "claude-code", AgentStatus.TOOL_RUNNING, null, null);
        SidebarState state = program.initial(new PaneContext(World.sidebarOf(1), 30, 24, world.snapshot()));

        assertThat(program.animating(state, program.view(state))).isFalse();
    }

    @Test
    void drawsInTheSharedThemeOfTheLatestSnapshot() {
        Theme dracula = Themes.named("dracula").orElseThrow();
        Theme latte = Themes.named("catppuccin-latte").orElseThrow();
        World world = quietSessions(1);
        SidebarState state = program.initial(new PaneContext(World.sidebarOf(1), 30, 24,
                world.settings(s -> s.withTheme(ThemeChoice.named("dracula"))).snapshot()));

        Grid first = program.view(state);
        state = program.update(state, new Msg.Snapshot(
                world.settings(s -> s.withTheme(ThemeChoice.named("catppuccin-latte"))).snapshot())).state();
        Grid second = program.view(state);

        assertThat(first.cell(1, 0).style().foreground()).isEqualTo(dracula.subtext1());
        assertThat(second.cell(1, 0).style().foreground()).isEqualTo(latte.subtext1());
        assertThat(second.text()).isEqualTo(first.text());
    }

    @Test
    void theDefaultSettingsDrawInMocha() {
        SidebarState state = program.initial(new PaneContext(World.sidebarOf(1), 30, 24, quietSessions(1).snapshot()));

        assertThat(program.view(state).cell(1, 0).style().foreground())
                .isEqualTo(Theme.catppuccinMocha().subtext1());
    }

    @Test
    void aSpinnerTickRedrawsOnlyTheSpinnerCellsAndShowsWhatAWholeFrameWould() {
        World world = quietSessions(3).agent("s1", "claude-code", AgentStatus.RUNNING, "refactor", null);
        SidebarState opened = program.initial(new PaneContext(World.sidebarOf(1), 30, 24, world.snapshot()));
        // The first update asks for the described session's wait figures; ticks after it change only the time.
        SidebarState state = program.update(opened, new Msg.Tick(World.T0)).state();
        Grid frame = program.view(state);
        SidebarState ticked = program.update(state, new Msg.Tick(World.T0.plusMillis(120))).state();

        Grid patched = program.view(ticked, state, frame);

        Grid whole = program.view(ticked);
        assertThat(patched).isEqualTo(whole).isNotEqualTo(frame);
        // The row's signal and the agents panel's entry: the only cells compared and written.
        assertThat(patched.changedSince(frame)).hasSize(2);
        FrameRenderer drawnWhole = new FrameRenderer();
        FrameRenderer drawnPatched = new FrameRenderer();
        drawnWhole.render(frame);
        drawnPatched.render(frame);
        assertThat(drawnPatched.render(patched)).isEqualTo(drawnWhole.render(whole)).isNotEmpty();
    }

    @Test
    void anythingBesideTheTimeDrawsTheWholeFrame() {
        World world = quietSessions(3).agent("s1", "claude-code", AgentStatus.RUNNING, "refactor", null);
        SidebarState state = program.initial(new PaneContext(World.sidebarOf(1), 30, 24, world.snapshot()));
        Grid frame = program.view(state);
        SidebarState moved = program.update(state, new Msg.KeyPressed(Key.of(KeyKind.DOWN))).state();

        assertThat(program.view(moved, state, frame).changedSince(frame)).isNull();
    }

    @Test
    void aRunningAgentListedOnlyUnderMoreDoesNotAnimate() {
        // The panel lists the latest first: the running agent, the oldest, is one of the "+N more".
        World world = quietSessions(2).agent("s1", "claude-code", AgentStatus.RUNNING, "hidden", null);
        for (int i = 1; i <= 6; i++) {
            world.agent("s1", "claude-code", AgentStatus.ERROR, "failed-" + i, null);
        }
        SidebarState state = program.initial(new PaneContext(World.sidebarOf(1), 30, 24, world.snapshot()));
        Grid frame = program.view(state);

        assertThat(frame.text()).contains("more").doesNotContain("hidden");
        assertThat(program.animating(state, frame)).isFalse();
    }
}
