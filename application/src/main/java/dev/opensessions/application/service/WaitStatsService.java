package dev.opensessions.application.service;

import dev.opensessions.application.port.in.ReadWaitStatsUseCase;
import dev.opensessions.domain.agent.WaitReport;
import dev.opensessions.domain.agent.WaitStatistics;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;

/** Computes how long agents waited for the user from the stored history, from a moment until now. */
public final class WaitStatsService implements ReadWaitStatsUseCase {

    private final DurableStateService durable;
    private final Clock clock;

    public WaitStatsService(DurableStateService durable, Clock clock) {
        this.durable = Objects.requireNonNull(durable, "durable");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public WaitReport stats(Instant since) {
        Instant now = clock.instant();
        Instant from = since.isAfter(now) ? now : since;
        DurableStateService.WaitHistory history = durable.historySince(from);
        return WaitStatistics.compute(history.transitions(), history.seen(), from, now);
    }
}
