package dev.opensessions.server;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.LongSupplier;

/**
 * One full collection of the heap once a burst of work has ended, so the heap gives back what the burst took.
 *
 * <p>With a young generation of 2 MB, what lives across a few young collections during a burst (requests in
 * flight, frames being written) is promoted and dies in the old generation, which the serial collector collects
 * only when it is full; until then its pages stay resident. A full collection compacts the live objects and lets
 * the collector shrink the old generation (the launcher's {@code -Xms} and heap free ratios,
 * {@code bin/lib/jvm.sh}).
 *
 * <p>Driven by activity, never by a timer while idle: the first {@link #activity()} after a collection (or after
 * the start) arms one deferred check; a check that finds activity within the last quiet period re-arms itself
 * for the rest of it; a check that finds the server quiet collects (when the heap grew by at least the given
 * amount since the last collection) and arms nothing, so an idle server wakes up no more. {@link #activity()} is
 * called for every published state, so it only reads the clock and, when nothing is armed, arms.
 *
 * <p>Activity that never pauses for a whole quiet period (an agent that reports every few seconds for an hour)
 * would otherwise let the old generation fill up to the maximum heap before the collector empties it: a check
 * during activity collects when the heap grew by a larger amount (the busy ceiling) since the last collection.
 */
final class BurstEndCollection {

    /** Runs a task once after a delay: the core's scheduler in the server, a hand-driven one in tests. */
    @FunctionalInterface
    interface Delay {
        void after(long nanos, Runnable task);
    }

    /** The heap: how many bytes are in use now, and a full collection. */
    interface Heap {
        long usedBytes();

        void collect();

        /** The running JVM's heap: {@link Runtime}'s figures and {@link System#gc()}. */
        static Heap ofRuntime() {
            Runtime runtime = Runtime.getRuntime();
            return new Heap() {
                @Override
                public long usedBytes() {
                    return runtime.totalMemory() - runtime.freeMemory();
                }

                @Override
                public void collect() {
                    System.gc();
                }
            };
        }
    }

    private final Delay delay;
    private final LongSupplier nanoTime;
    private final Heap heap;
    private final long quietNanos;
    private final long worthBytes;
    private final long busyCeilingBytes;
    private final AtomicBoolean armed = new AtomicBoolean();
    private volatile long lastActivity;
    /** The heap in use right after the last collection; 0 before the first, so the start's garbage counts. */
    private volatile long usedAfterCollection;
    private volatile long collections;

    BurstEndCollection(Delay delay, LongSupplier nanoTime, Heap heap, Duration quiet, long worthBytes,
                       long busyCeilingBytes) {
        this.delay = Objects.requireNonNull(delay, "delay");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.heap = Objects.requireNonNull(heap, "heap");
        if (quiet.isNegative() || quiet.isZero()) {
            throw new IllegalArgumentException("the quiet period must be positive: " + quiet);
        }
        if (worthBytes < 0) {
            throw new IllegalArgumentException("the growth worth a collection must not be negative: " + worthBytes);
        }
        if (busyCeilingBytes < worthBytes) {
            throw new IllegalArgumentException("the busy ceiling must be at least the growth worth a collection: "
                    + busyCeilingBytes);
        }
        this.quietNanos = quiet.toNanos();
        this.worthBytes = worthBytes;
        this.busyCeilingBytes = busyCeilingBytes;
    }

    /** Something happened (a new state was published): arms the check when none is armed. */
    void activity() {
        lastActivity = nanoTime.getAsLong();
        // A plain read first: a burst publishes thousands of states, and only the first needs the atomic swap.
        if (!armed.get() && armed.compareAndSet(false, true)) {
            delay.after(quietNanos, this::check);
        }
    }

    /** How many collections this has asked for. */
    long collections() {
        return collections;
    }

    private void check() {
        // Disarmed before reading the time: an activity from now on arms a check of its own.
        armed.set(false);
        long quietFor = nanoTime.getAsLong() - lastActivity;
        if (quietFor < quietNanos) {
            collectBeyond(busyCeilingBytes);
            if (armed.compareAndSet(false, true)) {
                delay.after(quietNanos - quietFor, this::check);
            }
            return;
        }
        collectBeyond(worthBytes);
    }

    private void collectBeyond(long growthBytes) {
        if (heap.usedBytes() - usedAfterCollection >= growthBytes) {
            heap.collect();
            usedAfterCollection = heap.usedBytes();
            collections++;
        }
    }
}
