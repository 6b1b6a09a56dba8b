package dev.opensessions.adapters.http;

import dev.opensessions.application.port.in.ReadWaitStatsUseCase;
import dev.opensessions.domain.agent.SeenMark;
import dev.opensessions.domain.agent.StatusTransition;
import dev.opensessions.domain.agent.WaitReport;
import dev.opensessions.domain.agent.WaitStatistics;

import java.time.Instant;
import java.util.List;

/** The wait statistics of a history the test sets, up to a fixed end; remembers the last period asked for. */
public final class FakeWaitStats implements ReadWaitStatsUseCase {

    private volatile List<StatusTransition> transitions = List.of();
    private volatile List<SeenMark> looks = List.of();
    private volatile Instant until = Instant.EPOCH;
    private volatile Instant lastSince;

    public void set(List<StatusTransition> history, List<SeenMark> marks, Instant end) {
        transitions = List.copyOf(history);
        looks = List.copyOf(marks);
        until = end;
    }

    public Instant lastSince() {
        return lastSince;
    }

    @Override
    public WaitReport stats(Instant since) {
        lastSince = since;
        return WaitStatistics.compute(transitions, looks, since, until);
    }
}
