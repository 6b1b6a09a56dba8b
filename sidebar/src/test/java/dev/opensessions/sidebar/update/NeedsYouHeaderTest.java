package dev.opensessions.sidebar.update;

import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.sidebar.World;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.Key;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;
import dev.opensessions.sidebar.model.WaitClock;
import dev.opensessions.sidebar.view.SidebarView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** The header's count of agents that need the user with the longest wait, kept current without polling, and N. */
class NeedsYouHeaderTest {

    private static World waiting() {
        return new World()
                .session("api", "/src/api")
                .session("web", "/src/web").agent("web", "codex", AgentStatus.WAITING, "fix", null)
                .client("/dev/pts/1", "api");
    }

    @Test
    void theHeaderCountsWhoNeedsYouAndTellsTheLongestWaitAsTimeGoesOn() {
        World world = waiting();
        SidebarState state = world.sidebar(1, 26, 12);
        Instant since = state.listing().needsYouSince().orElseThrow();

        assertThat(SidebarView.render(state).text().lines().findFirst()).contains(" sessions ⚑1 <1m ⚡1 ●0 2");
        Step<SidebarState> later = SidebarUpdate.update(state, new Msg.Tick(since.plus(Duration.ofMinutes(12))));
        assertThat(SidebarView.render(later.state()).text().lines().findFirst())
                .contains(" sessions ⚑1 12m ⚡1 ●0 2");
    }

    @Test
    void whileSomeoneNeedsYouThePaneAsksForOneTickWhenTheMinutesChange() {
        SidebarState state = waiting().sidebar(1, 26, 12);
        Instant since = state.listing().needsYouSince().orElseThrow();

        Step<SidebarState> first = SidebarUpdate.update(state, new Msg.Tick(since.plusSeconds(20)));
        assertThat(first.effects()).containsExactly(new Effect.Later(Duration.ofSeconds(40),
                new Msg.Tick(since.plusSeconds(60))));
        Step<SidebarState> again = SidebarUpdate.update(first.state(), new Msg.Tick(since.plusSeconds(30)));
        assertThat(again.effects()).isEmpty();
        Step<SidebarState> due = SidebarUpdate.update(again.state(), new Msg.Tick(since.plusSeconds(60)));
        assertThat(due.effects()).containsExactly(new Effect.Later(Duration.ofSeconds(60),
                new Msg.Tick(since.plusSeconds(120))));
    }

    @Test
    void whenNobodyNeedsYouNothingIsAskedForAndTheHeaderIsAsBefore() {
        World world = new World().session("api", "/src/api")
                .agent("api", "codex", AgentStatus.RUNNING, "build", null).client("/dev/pts/1", "api");
        SidebarState state = world.sidebar(1, 26, 12);

        assertThat(SidebarUpdate.update(state, new Msg.Snapshot(world.snapshot())).effects()).isEmpty();
        assertThat(SidebarView.render(state).text().lines().findFirst()).contains(" sessions        ⚡1 ●0 1");
    }

    @Test
    void capitalNJumpsToWhatNeedsYou() {
        SidebarState state = waiting().sidebar(1, 26, 12);

        assertThat(SidebarUpdate.update(state, new Msg.KeyPressed(Key.character('N'))).effects())
                .containsExactly(new Effect.JumpNext());
    }

    @ParameterizedTest
    @CsvSource({"0, <1m", "59, <1m", "60, 1m", "3599, 59m", "3600, 1h", "86399, 23h", "86400, 1d"})
    void waitsAreToldInWholeUnits(long seconds, String shown) {
        assertThat(WaitClock.shortly(Duration.ofSeconds(seconds))).isEqualTo(shown);
    }
}
