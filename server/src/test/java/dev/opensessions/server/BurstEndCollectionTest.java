package dev.opensessions.server;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BurstEndCollectionTest {

    private static final Duration QUIET = Duration.ofSeconds(10);
    private static final long WORTH = 4 << 20;
    private static final long CEILING = 16 << 20;

    /** A clock and a delay driven by hand: tasks run when the test moves the clock past their time. */
    private static final class HandDriven implements BurstEndCollection.Delay {
        long now = 1_000;
        final List<long[]> due = new ArrayList<>();
        final List<Runnable> tasks = new ArrayList<>();

        @Override
        public void after(long nanos, Runnable task) {
            due.add(new long[] {now + nanos});
            tasks.add(task);
        }

        int pending() {
            return tasks.size();
        }

        /** Moves the clock forward by {@code by}, running each task that comes due on the way, in order. */
        void advance(Duration by) {
            long until = now + by.toNanos();
            while (true) {
                int next = -1;
                for (int i = 0; i < due.size(); i++) {
                    if (due.get(i)[0] <= until && (next < 0 || due.get(i)[0] < due.get(next)[0])) {
                        next = i;
                    }
                }
                if (next < 0) {
                    break;
                }
                now = due.remove(next)[0];
                tasks.remove(next).run();
            }
            now = until;
        }
    }

    /** A heap whose use the test sets; a collection brings it down to what is live. */
    private static final class Heap implements BurstEndCollection.Heap {
        long used;
        long live;
        int collections;

        @Override
        public long usedBytes() {
            return used;
        }

        @Override
        public void collect() {
            collections++;
            used = live;
        }
    }

    private final HandDriven time = new HandDriven();
    private final Heap heap = new Heap();
    private final BurstEndCollection collection = new BurstEndCollection(time, () -> time.now, heap, QUIET, WORTH,
            CEILING);

    @Test
    void anIdleServerNeverArmsAnything() {
        heap.used = 30 << 20;

        time.advance(Duration.ofHours(1));

        assertThat(time.pending()).isZero();
        assertThat(heap.collections).isZero();
    }

    @Test
    void aBurstEndsInOneCollectionOnceTheQuietPeriodHasPassedAndNothingIsArmedAfterIt() {
        heap.live = 10 << 20;
        for (int second = 0; second < 30; second++) {
            for (int event = 0; event < 100; event++) {
                collection.activity();
            }
            heap.used += 1 << 19;
            time.advance(Duration.ofSeconds(1));
        }
        assertThat(heap.collections).as("no collection while the burst lasts below the ceiling").isZero();

        time.advance(QUIET);

        assertThat(heap.collections).isEqualTo(1);
        assertThat(collection.collections()).isEqualTo(1);
        assertThat(time.pending()).as("no wake-up after the collection").isZero();
        time.advance(Duration.ofHours(1));
        assertThat(heap.collections).isEqualTo(1);
    }

    @Test
    void activityThatNeverPausesIsCollectedOnceTheHeapGrewPastTheBusyCeilingAtMostOncePerQuietPeriod() {
        heap.live = 10 << 20;
        heap.used = 10 << 20;
        for (int second = 0; second < 60; second++) {
            collection.activity();
            heap.used += 1 << 20;
            time.advance(Duration.ofSeconds(1));
        }

        // 1 MB a second, checks 9 s apart once busy: collected at 20, 18 and 18 MB of growth, not at 9.
        assertThat(heap.collections).isEqualTo(3);
        assertThat(time.pending()).as("still armed: the activity has not stopped").isEqualTo(1);
    }

    @Test
    void aBurstArmsOneCheckAtATimeNotOnePerEvent() {
        for (int event = 0; event < 10_000; event++) {
            collection.activity();
        }

        assertThat(time.pending()).isEqualTo(1);
    }

    @Test
    void aCheckThatFindsRecentActivityWaitsOnlyForTheRestOfTheQuietPeriod() {
        heap.used = 12 << 20;
        collection.activity();
        time.advance(Duration.ofSeconds(7));
        collection.activity();

        time.advance(Duration.ofSeconds(3));
        assertThat(heap.collections).as("7 s later the quiet period is not over").isZero();
        time.advance(Duration.ofSeconds(7).minusNanos(1));
        assertThat(heap.collections).isZero();

        time.advance(Duration.ofNanos(1));

        assertThat(heap.collections).isEqualTo(1);
    }

    @Test
    void aLoneChangeThatLeftLittleGarbageCostsNoCollection() {
        heap.live = 10 << 20;
        heap.used = 20 << 20;
        collection.activity();
        time.advance(QUIET);
        assertThat(heap.collections).isEqualTo(1);

        heap.used += 1 << 20;
        collection.activity();
        time.advance(QUIET);

        assertThat(heap.collections).as("1 MB of growth is not worth a collection").isEqualTo(1);
        assertThat(time.pending()).isZero();
    }

    @Test
    void theNextBurstThatGrewTheHeapEndsInANewCollection() {
        heap.live = 10 << 20;
        heap.used = 20 << 20;
        collection.activity();
        time.advance(QUIET);

        heap.used += 6 << 20;
        collection.activity();
        time.advance(QUIET);

        assertThat(heap.collections).isEqualTo(2);
    }

    @Test
    void theStartsOwnGarbageCountsBeforeTheFirstCollection() {
        heap.used = 12 << 20;
        collection.activity();

        time.advance(QUIET);

        assertThat(heap.collections).isEqualTo(1);
    }

    @Test
    void aQuietPeriodMustBePositive() {
        assertThatThrownBy(() -> new BurstEndCollection(time, () -> time.now, heap, Duration.ZERO, WORTH,
                CEILING)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new BurstEndCollection(time, () -> time.now, heap, QUIET, WORTH, WORTH - 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
