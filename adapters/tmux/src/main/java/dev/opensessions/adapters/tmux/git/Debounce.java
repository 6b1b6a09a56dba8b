package dev.opensessions.adapters.tmux.git;

import java.time.Duration;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Gathers keys for a short delay and hands each on once, with a one-shot schedule per burst rather than a
 * periodic timer, because a single git command touches several watched files.
 */
final class Debounce {

    private final ScheduledExecutorService scheduler;
    private final long delayNanos;
    private final Consumer<String> then;
    private final Set<String> pending = new HashSet<>();
    private boolean scheduled;

    Debounce(ScheduledExecutorService scheduler, Duration delay, Consumer<String> then) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.delayNanos = delay.toNanos();
        this.then = Objects.requireNonNull(then, "then");
    }

    synchronized void add(String key) {
        pending.add(key);
        if (!scheduled) {
            try {
                scheduler.schedule(this::flush, delayNanos, TimeUnit.NANOSECONDS);
                scheduled = true;
            } catch (RejectedExecutionException closing) {
                // The owner is closing: nothing scheduled now would be wanted.
                pending.clear();
            }
        }
    }

    private void flush() {
        Set<String> due;
        synchronized (this) {
            due = Set.copyOf(pending);
            pending.clear();
            scheduled = false;
        }
        due.forEach(then);
    }
}
