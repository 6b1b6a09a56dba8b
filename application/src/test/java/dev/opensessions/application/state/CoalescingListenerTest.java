package dev.opensessions.application.state;

import dev.opensessions.domain.metadata.LogEntry;
import dev.opensessions.domain.metadata.Tone;
import dev.opensessions.domain.session.SessionName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static dev.opensessions.application.testkit.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

class CoalescingListenerTest {

    private final ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
    private final StateOwner owner = new StateOwner(Clock.systemUTC(),
            ServerState.of(StateSnapshot.initial(Instant.EPOCH)));

    @AfterEach
    void stop() {
        scheduler.shutdownNow();
    }

    private void log(int i) {
        owner.apply(state -> Change.of(state.withMetadata(SessionName.of("s"),
                m -> m.withLog(new LogEntry("line " + i, Tone.NEUTRAL, null, Instant.EPOCH))), null));
    }

    @Test
    void aBurstArrivesAsFewFramesEndingWithTheFinalState() {
        List<StateSnapshot> frames = new CopyOnWriteArrayList<>();
        owner.subscribe(new CoalescingListener(scheduler, CoalescingListener.FRAME, frames::add));

        for (int i = 0; i < 10_000; i++) {
            log(i);
        }

        until(() -> !frames.isEmpty() && frames.getLast().version() == owner.current().version());
        assertThat(frames.getLast().metadataOf(SessionName.of("s")).logs().getLast().message())
                .isEqualTo("line 9999");
        assertThat(frames).extracting(StateSnapshot::version).isSorted().doesNotHaveDuplicates();
        assertThat(frames.size()).isLessThan(1_000);
    }

    @Test
    void framesAreAtLeastOneIntervalApart() {
        List<Long> deliveredAt = new CopyOnWriteArrayList<>();
        List<StateSnapshot> frames = new CopyOnWriteArrayList<>();
        owner.subscribe(new CoalescingListener(scheduler, Duration.ofMillis(50), s -> {
            deliveredAt.add(System.nanoTime());
            frames.add(s);
        }));

        long end = System.nanoTime() + Duration.ofMillis(400).toNanos();
        int i = 0;
        while (System.nanoTime() < end) {
            log(i++);
        }

        int total = i;
        until(() -> frames.getLast().metadataOf(SessionName.of("s")).logs().getLast().message()
                .equals("line " + (total - 1)));
        for (int k = 1; k < deliveredAt.size(); k++) {
            assertThat(deliveredAt.get(k) - deliveredAt.get(k - 1)).isGreaterThanOrEqualTo(
                    Duration.ofMillis(50).toNanos());
        }
    }

    @Test
    void nothingIsDeliveredTwiceOrOutOfOrder() {
        List<Long> versions = new CopyOnWriteArrayList<>();
        CoalescingListener listener = new CoalescingListener(scheduler, Duration.ZERO, s -> versions.add(s.version()));
        StateSnapshot initial = owner.current();
        owner.subscribe(listener);
        log(1);
        until(() -> versions.contains(owner.current().version()));

        listener.onSnapshot(initial);
        listener.onSnapshot(owner.current());
        log(2);
        until(() -> versions.contains(owner.current().version()));

        assertThat(versions).isSorted().doesNotHaveDuplicates();
    }
}
