package dev.opensessions.adapters.tmux.ports;

import dev.opensessions.application.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static dev.opensessions.adapters.tmux.ports.ScriptedPorts.result;
import static org.assertj.core.api.Assertions.assertThat;

/** The scanner on a real scheduler, with a scripted system behind it. */
class PortScannerTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    private final ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1);
    private final List<Map<Long, SortedSet<Integer>>> heard = new CopyOnWriteArrayList<>();

    PortScannerTest() {
        // Cancelled scans leave the queue at once, so an empty queue proves nothing is planned.
        scheduler.setRemoveOnCancelPolicy(true);
    }

    /** Waits until a scan running on the single scheduler thread has ended: a task queued behind it has run. */
    private void drain() throws Exception {
        scheduler.submit(() -> { }).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    @Test
    void nothingIsScannedOrPlannedWhileNobodyDisplaysThePorts() throws Exception {
        var ports = new ScriptedPorts(n -> result(7, 3000));
        var scanner = new PortScanner(ports, scheduler, Duration.ofMillis(20), heard::add);
        scanner.setRoots(Set.of(7L));
        assertThat(scheduler.getQueue()).isEmpty();
        assertThat(ports.scans()).isZero();

        scanner.setDemand(true);
        Await.until(() -> ports.scans() >= 2, WAIT, "scans while displayed");
        scanner.setDemand(false);
        drain();

        assertThat(scheduler.getQueue()).isEmpty();
        scanner.close();
        scanner.setDemand(true);
        assertThat(scheduler.getQueue()).isEmpty();
    }

    @Test
    void displayingAgainWithinTheIntervalWaitsForTheIntervalToPass() throws Exception {
        var ports = new ScriptedPorts(n -> result(7, 3000));
        var scanner = new PortScanner(ports, scheduler, Duration.ofHours(1), heard::add);
        scanner.setRoots(Set.of(7L));

        scanner.setDemand(true);
        Await.until(() -> ports.scans() == 1, WAIT, "the first scan comes at once");
        scanner.setDemand(false);
        scanner.setDemand(true);

        Await.until(() -> scheduler.getQueue().size() == 1, WAIT, "next scan planned");
        var planned = (ScheduledFuture<?>) scheduler.getQueue().peek();
        assertThat(planned.getDelay(TimeUnit.MINUTES)).isGreaterThanOrEqualTo(59);
        assertThat(ports.scans()).isEqualTo(1);
    }

    @Test
    void scansStartAtMostOncePerIntervalEvenWhenDemandFlickers() {
        Duration interval = Duration.ofMillis(100);
        var ports = new ScriptedPorts(n -> result(7, 3000));
        var scanner = new PortScanner(ports, scheduler, interval, heard::add);
        scanner.setRoots(Set.of(7L));

        scanner.setDemand(true);
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (ports.scans() < 4 && System.nanoTime() < deadline) {
            scanner.setDemand(false);
            scanner.setDemand(true);
            LockSupport.parkNanos(100_000);
        }
        assertThat(ports.scans()).isGreaterThanOrEqualTo(4);

        List<Long> starts = List.copyOf(ports.startedAt);
        for (int i = 1; i < starts.size(); i++) {
            assertThat(starts.get(i) - starts.get(i - 1)).isGreaterThan(lowerBound(interval));
        }
        scanner.close();
    }

    @Test
    void unchangedResultsDoubleTheSpacingUpToTheBackOffAndAChangeBringsItBack() {
        Duration interval = Duration.ofMillis(10);
        var ports = new ScriptedPorts(n -> n < 7 ? result(7, 3000) : result(7, 3000, 8080));
        var scanner = new PortScanner(ports, scheduler, interval, heard::add);
        scanner.setRoots(Set.of(7L));

        scanner.setDemand(true);
        Await.until(() -> ports.scans() >= 9, WAIT, "nine scans");
        scanner.close();

        List<Long> starts = List.copyOf(ports.startedAt);
        long[] least = {10, 20, 40, 80, 120, 120, 120, 10};
        for (int i = 0; i < least.length; i++) {
            // Lower bounds only: a busy scheduler may start a scan late, never early.
            assertThat(starts.get(i + 1) - starts.get(i)).as("gap after scan %d", i)
                    .isGreaterThan(lowerBound(Duration.ofMillis(least[i])));
        }
        assertThat(PortScanner.BACK_OFF).isEqualTo(12);
    }

    /**
     * The least gap, in nanoseconds, between two recorded scan starts when the scanner spaces them {@code spacing}
     * apart. The scanner stamps a scan's start just before it calls the scan, and the scripted ports record it once
     * called: a thread preempted in between (1.3 ms was seen on a loaded machine) records one start late and the next
     * gap short by as much. A quarter of the spacing (at least a millisecond) is allowed for that; a spacing that did
     * not double still fails, since each bound is above the spacing before.
     */
    private static long lowerBound(Duration spacing) {
        long nanos = spacing.toNanos();
        return nanos - Math.max(1_000_000, nanos / 4);
    }

    @Test
    void aNudgeBringsABackedOffScanBackToOneInterval() {
        Duration interval = Duration.ofSeconds(1);
        var ports = new ScriptedPorts(n -> result(7, 3000));
        var scanner = new PortScanner(ports, scheduler, interval, heard::add);
        scanner.setRoots(Set.of(7L));
        scanner.setDemand(true);
        Await.until(() -> ports.scans() == 2, WAIT, "two unchanged scans");
        Await.until(() -> scheduler.getQueue().size() == 1, WAIT, "third scan planned");
        assertThat(((ScheduledFuture<?>) scheduler.getQueue().peek()).getDelay(TimeUnit.MILLISECONDS))
                .as("backed off to two intervals").isGreaterThan(1_100);

        scanner.nudge();

        Await.until(() -> scheduler.getQueue().size() == 1, WAIT, "third scan planned again");
        assertThat(((ScheduledFuture<?>) scheduler.getQueue().peek()).getDelay(TimeUnit.MILLISECONDS))
                .isLessThanOrEqualTo(1_000);
        scanner.close();
    }

    @Test
    void theListenerHearsOnlyResultsThatDiffer() throws Exception {
        var ports = new ScriptedPorts(n -> n < 2 ? result(7, 3000) : result(7, 3000, 5173));
        var scanner = new PortScanner(ports, scheduler, Duration.ofMillis(10), heard::add);
        scanner.setRoots(Set.of(7L));

        scanner.setDemand(true);
        Await.until(() -> ports.scans() >= 5, WAIT, "five scans");
        scanner.close();
        drain();

        assertThat(heard).containsExactly(result(7, 3000), result(7, 3000, 5173));
        assertThat(scanner.latest()).isEqualTo(result(7, 3000, 5173));
    }

    @Test
    void aFailedScanKeepsTheLastResultAndLaterScansGoOn() throws Exception {
        var ports = new ScriptedPorts(n -> {
            if (n == 1) {
                throw new PortScanException("lsof took longer than 5000 ms");
            }
            return result(7, 3000);
        });
        var scanner = new PortScanner(ports, scheduler, Duration.ofMillis(10), heard::add);
        scanner.setRoots(Set.of(7L));

        scanner.setDemand(true);
        Await.until(() -> ports.scans() >= 3, WAIT, "scans after the failure");
        scanner.close();
        drain();

        assertThat(heard).containsExactly(result(7, 3000));
        assertThat(scanner.latest()).isEqualTo(result(7, 3000));
    }

    @Test
    void eachScanAsksForTheRootsSetLast() {
        var ports = new ScriptedPorts(n -> Map.of());
        var scanner = new PortScanner(ports, scheduler, Duration.ofMillis(10), heard::add);
        scanner.setRoots(Set.of(7L));

        scanner.setDemand(true);
        Await.until(() -> ports.scans() >= 1, WAIT, "first scan");
        scanner.setRoots(Set.of(7L, 8L));
        Await.until(() -> ports.rootsAsked.contains(Set.of(7L, 8L)), WAIT, "scan of the new roots");
        scanner.close();

        assertThat(ports.rootsAsked.getFirst()).isEqualTo(Set.of(7L));
    }
}
