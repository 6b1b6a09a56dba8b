package dev.opensessions.application.state;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands snapshots to a slow consumer latest-wins: at most one delivery per interval, only the newest
 * pending snapshot, never one older than a snapshot already delivered. Nothing is scheduled while idle.
 */
public final class CoalescingListener implements SnapshotListener {

    /**
     * The frame cadence (docs/explanation/architecture.md, "How a change travels"): at most one frame per 16 ms per
     * subscriber.
     */
    public static final Duration FRAME = Duration.ofMillis(16);

    private final ScheduledExecutorService scheduler;
    private final long intervalNanos;
    private final Consumer<StateSnapshot> sink;
    private final AtomicReference<StateSnapshot> pending = new AtomicReference<>();
    private final AtomicBoolean armed = new AtomicBoolean();
    private final Object delivery = new Object();
    private long lastDeliveredVersion = -1;
    private volatile long lastDeliveredAt = Long.MIN_VALUE / 2;

    public CoalescingListener(ScheduledExecutorService scheduler, Duration interval, Consumer<StateSnapshot> sink) {
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.intervalNanos = interval.toNanos();
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public void onSnapshot(StateSnapshot snapshot) {
        pending.accumulateAndGet(snapshot, (old, next) -> old == null || next.version() > old.version() ? next : old);
        // Called on the state owner's thread: while a flush is armed this is all it costs, and reading the
        // volatile stamp never waits for a delivery in progress.
        if (armed.compareAndSet(false, true)) {
            schedule(lastDeliveredAt + intervalNanos - System.nanoTime());
        }
    }

    private void schedule(long wait) {
        try {
            if (wait <= 0) {
                scheduler.execute(this::flush);
            } else {
                scheduler.schedule(this::flush, wait, TimeUnit.NANOSECONDS);
            }
        } catch (RejectedExecutionException shuttingDown) {
            armed.set(false);
        }
    }

    private void flush() {
        armed.set(false);
        synchronized (delivery) {
            // A flush armed while the previous delivery was still running computed its wait from an older
            // delivery; the interval is therefore enforced here, where deliveries happen.
            long early = lastDeliveredAt + intervalNanos - System.nanoTime();
            if (early > 0) {
                if (pending.get() != null && armed.compareAndSet(false, true)) {
                    schedule(early);
                }
                return;
            }
            StateSnapshot snapshot = pending.getAndSet(null);
            if (snapshot == null || snapshot.version() <= lastDeliveredVersion) {
                return;
            }
            lastDeliveredVersion = snapshot.version();
            sink.accept(snapshot);
            // Stamped after the sink returns, so the next frame starts a whole interval after this one ended.
            lastDeliveredAt = System.nanoTime();
        }
    }
}
