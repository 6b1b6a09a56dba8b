package dev.opensessions.application.testkit;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/** Waits for a condition with a deadline, checking every millisecond; never a fixed sleep. */
public final class Await {

    public static final Duration DEFAULT = Duration.ofSeconds(10);

    private Await() {
    }

    public static void until(BooleanSupplier condition) {
        until(condition, DEFAULT, "condition");
    }

    public static void until(BooleanSupplier condition, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(what + " not met within " + timeout.toMillis() + " ms");
            }
            LockSupport.parkNanos(1_000_000);
        }
    }
}
