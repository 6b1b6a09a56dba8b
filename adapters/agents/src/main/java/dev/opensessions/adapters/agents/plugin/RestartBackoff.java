package dev.opensessions.adapters.agents.plugin;

import java.time.Duration;
import java.util.Objects;

/**
 * How long to wait before restarting a plugin that exited: the first delay, doubled after each quick exit up
 * to a ceiling, and back to the first once a run lasted long enough to count as healthy. Not thread-safe.
 */
public final class RestartBackoff {

    private final Duration first;
    private final Duration ceiling;
    private final Duration healthyRun;
    private Duration next;

    public RestartBackoff(Duration first, Duration ceiling, Duration healthyRun) {
        this.first = Objects.requireNonNull(first, "first");
        this.ceiling = Objects.requireNonNull(ceiling, "ceiling");
        this.healthyRun = Objects.requireNonNull(healthyRun, "healthyRun");
        if (first.isNegative() || first.isZero() || ceiling.compareTo(first) < 0) {
            throw new IllegalArgumentException("need 0 < first <= ceiling: " + first + ", " + ceiling);
        }
        this.next = first;
    }

    /** 1 s doubling to 60 s, reset after a run of one minute. */
    public static RestartBackoff standard() {
        return new RestartBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), Duration.ofMinutes(1));
    }

    /** The wait before the next start, after a run that lasted {@code ranFor}. */
    public Duration afterExit(Duration ranFor) {
        if (ranFor.compareTo(healthyRun) >= 0) {
            next = first;
        }
        Duration delay = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(ceiling) > 0 ? ceiling : doubled;
        return delay;
    }
}
