package dev.opensessions.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * At most one one-shot timer per watched thread, armed for an instant of the core's clock; not thread-safe,
 * its owner guards it.
 */
final class ThreadTimers {

    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final Map<String, Armed> armed = new HashMap<>();

    ThreadTimers(ScheduledExecutorService scheduler, Clock clock) {
        this.scheduler = scheduler;
        this.clock = clock;
    }

    /** Replaces the thread's timer; it runs {@code task} at {@code at}, and no sooner than {@code minDelayMillis}. */
    void arm(String key, Instant at, long minDelayMillis, Runnable task) {
        cancel(key);
        // Rounded up, so the timer never fires before the thread has really been quiet long enough.
        long delay = Math.max(minDelayMillis, Duration.between(clock.instant(), at).toMillis() + 1);
        try {
            armed.put(key, new Armed(at, scheduler.schedule(task, delay, TimeUnit.MILLISECONDS)));
        } catch (RejectedExecutionException stopping) {
            // The scheduler is shut down with the server; nothing is left to re-evaluate.
        }
    }

    void cancel(String key) {
        Armed timer = armed.remove(key);
        if (timer != null) {
            timer.future().cancel(false);
        }
    }

    /** Called by a timer as it runs, so the thread counts as unarmed until it arms again. */
    void fired(String key) {
        armed.remove(key);
    }

    boolean armed(String key) {
        return armed.containsKey(key);
    }

    Optional<Instant> armedFor(String key) {
        return Optional.ofNullable(armed.get(key)).map(Armed::at);
    }

    void cancelAll() {
        armed.values().forEach(timer -> timer.future().cancel(false));
        armed.clear();
    }

    /** One armed timer and the instant it is for. */
    private record Armed(Instant at, ScheduledFuture<?> future) {
    }
}
