package dev.opensessions.application.service;

import dev.opensessions.application.port.in.ReadWaitStatsUseCase;
import dev.opensessions.domain.agent.WaitFigures;
import dev.opensessions.domain.agent.WaitReport;
import dev.opensessions.domain.agent.WaitStatistics;
import dev.opensessions.domain.session.SessionName;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.function.Function;

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
        return report(since, durable::historySince);
    }

    /**
     * From the session's own rows: a wait or working time belongs to the session of the change that started
     * it, so the figures are those of the whole history's report, except for a thread that moved to another
     * session in the period: its last wait or working time in this session then ends at its next change here
     * (or the end of the period) instead of at its first change in the other session.
     */
    @Override
    public WaitFigures stats(Instant since, SessionName session) {
        return report(since, from -> durable.historySince(from, session)).session(session);
    }

    /** The report from {@code since} (never after now) to now, over the history {@code read} gives from then. */
    private WaitReport report(Instant since, Function<Instant, DurableStateService.WaitHistory> read) {
        Instant now = clock.instant();
        Instant from = since.isAfter(now) ? now : since;
        DurableStateService.WaitHistory history = read.apply(from);
        return WaitStatistics.compute(history.transitions(), history.seen(), from, now);
    }
}
