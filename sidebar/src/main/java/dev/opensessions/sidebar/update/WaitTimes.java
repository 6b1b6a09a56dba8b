package dev.opensessions.sidebar.update;

import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;
import dev.opensessions.sidebar.model.WaitClock;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Keeps the header's longest wait current: while an agent needs the user, the pane asks for a tick when the
 * whole minutes shown change (a tick sent later carries the time it arrives); while none does, it asks for
 * nothing and its clock is left alone.
 */
final class WaitTimes {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    private WaitTimes() {
    }

    static Step<SidebarState> tell(SidebarState state, Instant at) {
        Optional<Instant> since = state.listing().needsYouSince();
        if (since.isEmpty()) {
            return Step.of(state);
        }
        WaitClock clock = state.waitClock().advancedTo(at);
        Duration waited = clock.waited(since.get());
        Duration delay = MINUTE.minusMillis(waited.toMillis() % MINUTE.toMillis());
        Instant due = clock.now().plus(delay);
        if (clock.refreshAt() != null && !clock.refreshAt().isAfter(due)) {
            return Step.of(state.withWaitClock(clock));
        }
        return Step.of(state.withWaitClock(clock.refreshingAt(due)), new Effect.Later(delay, new Msg.Tick(due)));
    }
}
