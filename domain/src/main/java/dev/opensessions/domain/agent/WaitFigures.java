package dev.opensessions.domain.agent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How long the agents of one group (a session, an agent, everything) waited for the user over a period.
 *
 * @param waits   how many waits started in the period
 * @param median  the median wait (the mean of the two middle ones for an even count); zero without waits
 * @param longest the longest wait; zero without waits
 * @param waited  the time spent waiting, all waits together
 * @param busy    the time spent working ({@code running} or {@code tool-running})
 */
public record WaitFigures(int waits, Duration median, Duration longest, Duration waited, Duration busy) {

    public static final WaitFigures NONE = new WaitFigures(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);

    public WaitFigures {
        Objects.requireNonNull(median, "median");
        Objects.requireNonNull(longest, "longest");
        Objects.requireNonNull(waited, "waited");
        Objects.requireNonNull(busy, "busy");
    }

    /** The figures of these waits and this working time. */
    static WaitFigures of(List<Duration> waits, Duration busy) {
        if (waits.isEmpty()) {
            return new WaitFigures(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, busy);
        }
        List<Duration> sorted = new ArrayList<>(waits);
        sorted.sort(null);
        int n = sorted.size();
        Duration median = n % 2 == 1 ? sorted.get(n / 2)
                : sorted.get(n / 2 - 1).plus(sorted.get(n / 2)).dividedBy(2);
        Duration waited = sorted.stream().reduce(Duration.ZERO, Duration::plus);
        return new WaitFigures(n, median, sorted.get(n - 1), waited, busy);
    }

    /**
     * The share of the engaged time spent waiting for the user: waited / (waited + busy), from 0 to 1; empty
     * when the group neither waited nor worked in the period.
     */
    public Optional<Double> waitingShare() {
        Duration engaged = waited.plus(busy);
        if (engaged.isZero()) {
            return Optional.empty();
        }
        return Optional.of((double) waited.toMillis() / engaged.toMillis());
    }
}
