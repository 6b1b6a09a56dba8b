package dev.opensessions.adapters.tmux.ports;

import java.io.Closeable;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps the listening ports of the current pane shells fresh while someone displays them: scans run on the
 * scheduler, at most once per interval and never while nobody looks, and the listener hears only of changes.
 * No kernel event says a port opened, so this is the one poll left; it backs off while nothing changes (each
 * unchanged scan doubles the spacing, up to {@link #BACK_OFF} intervals) and a {@link #nudge()} from what
 * usually precedes a new listener (a pane starting another program) brings it back to one interval.
 */
public final class PortScanner implements Closeable {

    /** The longest spacing, in intervals, that unchanged scans back off to (2 minutes for 10 s). */
    static final int BACK_OFF = 12;

    private static final System.Logger LOG = System.getLogger(PortScanner.class.getName());

    private final ListeningPorts ports;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final long intervalNanos;
    private final Consumer<Map<Long, SortedSet<Integer>>> listener;

    private Set<Long> roots = Set.of();
    private boolean demanded;
    private boolean closed;
    private boolean scanning;
    private ScheduledFuture<?> next;
    /** Numbers each armed scan; a task that started after being cancelled or superseded sees a newer number and does nothing. */
    private long generation;
    private volatile long lastScanStart;
    /** The time from one scan's start to the next: the interval, doubled after each unchanged result. */
    private long spacingNanos;
    private boolean scannedOnce;
    private Map<Long, SortedSet<Integer>> latest = Map.of();

    /**
     * @param scheduler runs the scans; not shut down by {@link #close()}
     * @param interval  the least time between the starts of two scans (10 s in production)
     * @param listener  told of every result that differs from the one before, on the scheduler's thread
     */
    public PortScanner(ListeningPorts ports, ScheduledExecutorService scheduler, Duration interval,
                       Consumer<Map<Long, SortedSet<Integer>>> listener) {
        this(ports, scheduler, false, interval, listener);
    }

    private PortScanner(ListeningPorts ports, ScheduledExecutorService scheduler, boolean ownsScheduler,
                        Duration interval, Consumer<Map<Long, SortedSet<Integer>>> listener) {
        this.ports = Objects.requireNonNull(ports, "ports");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.ownsScheduler = ownsScheduler;
        this.intervalNanos = Objects.requireNonNull(interval, "interval").toNanos();
        this.listener = Objects.requireNonNull(listener, "listener");
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        this.spacingNanos = intervalNanos;
    }

    /** A scanner on its own daemon thread, which {@link #close()} stops. */
    public static PortScanner withOwnThread(ListeningPorts ports, Duration interval,
                                            Consumer<Map<Long, SortedSet<Integer>>> listener) {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("opensessions-ports").factory());
        return new PortScanner(ports, scheduler, true, interval, listener);
    }

    /** The pane shells whose trees the next scans look at. */
    public synchronized void setRoots(Set<Long> rootPids) {
        roots = Set.copyOf(rootPids);
    }

    /** Whether someone displays the ports; scanning runs only while true. */
    public synchronized void setDemand(boolean displayed) {
        demanded = displayed;
        if (displayed) {
            arm();
        } else if (next != null) {
            next.cancel(false);
            next = null;
            generation++;
        }
    }

    /**
     * Something that often comes before a port opens or closes happened (a pane runs another program, panes
     * came or went): the next scan comes one interval after the last one again, not after the backed-off spacing.
     */
    public synchronized void nudge() {
        spacingNanos = intervalNanos;
        if (demanded && next != null) {
            next.cancel(false);
            next = null;
            generation++;
            arm();
        }
    }

    /** The result of the last scan, empty before the first. */
    public synchronized Map<Long, SortedSet<Integer>> latest() {
        return latest;
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            setDemand(false);
        }
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
    }

    /** Schedules the next scan unless one is pending, no sooner than one interval after the last one started. */
    private void arm() {
        // A scan in progress re-arms when it ends; two scans never overlap.
        if (closed || next != null || scanning) {
            return;
        }
        long delay = scannedOnce ? Math.max(0, lastScanStart + spacingNanos - System.nanoTime()) : 0;
        long armed = ++generation;
        next = scheduler.schedule(() -> scan(armed), delay, TimeUnit.NANOSECONDS);
    }

    private void scan(long armed) {
        Set<Long> scanned;
        synchronized (this) {
            if (armed != generation) {
                return;
            }
            next = null;
            if (!demanded || closed) {
                return;
            }
            scanned = roots;
            scanning = true;
            scannedOnce = true;
        }
        // Stamped right before the scan, outside the lock: releasing a contended lock can take milliseconds,
        // which would let the next scan start less than an interval after this one. No scan is armed while
        // this one runs, so nobody reads the stamp before it is set.
        lastScanStart = System.nanoTime();
        try {
            Map<Long, SortedSet<Integer>> result = scanned.isEmpty() ? Map.of() : ports.scan(scanned);
            boolean changed = publish(result);
            pace(changed);
            if (changed) {
                tell(result);
            }
        } catch (RuntimeException failed) {
            // The previous result stays; the next scan may succeed (a pid gone mid-read, a slow lsof).
            LOG.log(System.Logger.Level.WARNING, "listening port scan failed", failed);
        } finally {
            synchronized (this) {
                scanning = false;
                if (demanded) {
                    arm();
                }
            }
        }
    }

    private void tell(Map<Long, SortedSet<Integer>> result) {
        try {
            listener.accept(result);
        } catch (RuntimeException failed) {
            // A failing listener must not stop the scans that later results depend on.
            LOG.log(System.Logger.Level.WARNING, "listening port listener failed", failed);
        }
    }

    private synchronized void pace(boolean changed) {
        spacingNanos = changed ? intervalNanos : Math.min(spacingNanos * 2, intervalNanos * BACK_OFF);
    }

    private synchronized boolean publish(Map<Long, SortedSet<Integer>> result) {
        if (result.equals(latest)) {
            return false;
        }
        latest = result;
        return true;
    }
}
