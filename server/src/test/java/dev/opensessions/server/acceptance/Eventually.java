package dev.opensessions.server.acceptance;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Waits for what a user would see, with a deadline: checks every 20 ms (each check runs tmux, so a
 * tighter loop would only load the machine) and fails with what was seen last.
 */
final class Eventually {

    /** Set for a loaded two-core machine (builds beside the suite), 3 to 5 times slower than a quiet one. */
    static final Duration DEFAULT = Duration.ofSeconds(30);
    private static final long PAUSE_NANOS = 20_000_000;

    private Eventually() {
    }

    static void until(BooleanSupplier condition, String what, Supplier<String> seen) {
        until(condition, DEFAULT, what, seen);
    }

    static void until(BooleanSupplier condition, Duration timeout, String what, Supplier<String> seen) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(what + " not seen within " + timeout.toMillis() + " ms; last seen:\n"
                        + seen.get());
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
    }

    /** True when the condition holds for the whole period: checks that something does not happen. */
    static boolean holds(BooleanSupplier condition, Duration period) {
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() - end < 0) {
            if (!condition.getAsBoolean()) {
                return false;
            }
            LockSupport.parkNanos(PAUSE_NANOS);
        }
        return condition.getAsBoolean();
    }
}
