package dev.opensessions.sidebar.update;

import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.WaitFigures;
import dev.opensessions.sidebar.World;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.Key;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;
import dev.opensessions.sidebar.view.SidebarView;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static dev.opensessions.sidebar.World.name;
import static org.assertj.core.api.Assertions.assertThat;

/** The agents panel's wait line: asked for when the described session changes or its agents do, then shown. */
class WaitLineTest {

    private static final WaitFigures THREE = new WaitFigures(3, Duration.ofSeconds(150), Duration.ofMinutes(9),
            Duration.ofMinutes(14), Duration.ofMinutes(30));

    private static World world() {
        return new World().session("api", "/code/api").session("web", "/code/web")
                .agentInPane("api", "claude-code", AgentStatus.RUNNING, "build", "%1")
                .client("/dev/pts/1", "api");
    }

    @Test
    void theFirstSnapshotAsksForTheDescribedSessionsFigures() {
        World world = world();
        SidebarState state = world.sidebar(1, 30, 34);

        Step<SidebarState> step = step(state, new Msg.Snapshot(world.snapshot()));

        assertThat(step.effects()).containsExactly(new Effect.LoadWaits(name("api")));
    }

    @Test
    void theLineShowsTheLoadedFiguresOfTheDescribedSession() {
        World world = world();
        SidebarState state = step(world.sidebar(1, 30, 34), new Msg.Snapshot(world.snapshot())).state();

        state = step(state, new Msg.WaitsLoaded(name("api"), THREE)).state();

        assertThat(SidebarView.render(state).text()).contains(" waited 3× · med 2m · max 9m");
    }

    @Test
    void movingToAnotherSessionAsksForItsFiguresAndHidesTheOldOnes() {
        World world = world();
        SidebarState state = step(world.sidebar(1, 30, 34), new Msg.Snapshot(world.snapshot())).state();
        state = step(state, new Msg.WaitsLoaded(name("api"), THREE)).state();

        Step<SidebarState> moved = step(state, new Msg.KeyPressed(Key.character('j')));

        assertThat(moved.effects()).contains(new Effect.LoadWaits(name("web")));
        assertThat(SidebarView.render(moved.state()).text()).doesNotContain("waited");
    }

    @Test
    void changesSoonerThanFiveSecondsAfterTheLastAskSetOneTimerThatAsksOnce() {
        World world = world();
        SidebarState state = step(world.sidebar(1, 30, 34), new Msg.Snapshot(world.snapshot())).state();

        Step<SidebarState> first = step(state, new Msg.Snapshot(world
                .agentInPane("api", "claude-code", AgentStatus.WAITING, "build", "%1").snapshot()));
        Step<SidebarState> second = step(first.state(), new Msg.Snapshot(world
                .agentInPane("api", "claude-code", AgentStatus.RUNNING, "build", "%1").snapshot()));
        Step<SidebarState> timer = step(second.state(), new Msg.Timer(WaitLine.TIMER, 0));

        assertThat(waitEffects(first)).singleElement().isInstanceOfSatisfying(Effect.Later.class,
                later -> assertThat(later.msg()).isEqualTo(new Msg.Timer(WaitLine.TIMER, 0)));
        assertThat(waitEffects(second)).isEmpty();
        assertThat(waitEffects(timer)).containsExactly(new Effect.LoadWaits(name("api")));
    }

    @Test
    void aSnapshotThatLeavesTheSessionsAgentsAloneAsksNothingAndALaterChangeAsksAtOnce() {
        World world = world();
        SidebarState state = step(world.sidebar(1, 30, 34), new Msg.Snapshot(world.snapshot())).state();
        state = step(state, new Msg.WaitsLoaded(name("api"), THREE)).state();

        // Each snapshot of the test world is a second later than the one before.
        for (int i = 0; i < 5; i++) {
            Step<SidebarState> same = step(state, new Msg.Snapshot(world.status("api", "x" + i,
                    dev.opensessions.domain.metadata.Tone.INFO).snapshot()));
            assertThat(same.effects()).isEmpty();
            state = same.state();
        }
        Step<SidebarState> changed = step(state, new Msg.Snapshot(world
                .agentInPane("api", "claude-code", AgentStatus.WAITING, "build", "%1").snapshot()));

        assertThat(waitEffects(changed)).containsExactly(new Effect.LoadWaits(name("api")));
        assertThat(SidebarView.render(changed.state()).text()).contains(" waited 3× · med 2m · max 9m");
    }

    /**
     * The effects of a step without the header's once-a-minute tick, which an agent that needs the user starts
     * on its own (the header's wait clock, tested in NeedsYouHeaderTest).
     */
    private static List<Effect> waitEffects(Step<SidebarState> step) {
        return step.effects().stream()
                .filter(effect -> !(effect instanceof Effect.Later later && later.msg() instanceof Msg.Tick))
                .toList();
    }

    /** What the sidebar program does with a message: the update, then the wait line. */
    private static Step<SidebarState> step(SidebarState state, Msg msg) {
        return WaitLine.follow(state, msg, SidebarUpdate.update(state, msg));
    }
}
