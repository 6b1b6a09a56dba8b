package dev.opensessions.application.state;

import dev.opensessions.application.testkit.MutableClock;
import dev.opensessions.domain.metadata.StatusPill;
import dev.opensessions.domain.metadata.Tone;
import dev.opensessions.domain.session.SessionName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class StateOwnerTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private final MutableClock clock = new MutableClock(T0);
    private final StateOwner owner = new StateOwner(clock, ServerState.of(StateSnapshot.initial(T0)));

    private Change<String> setStatus(ServerState state, String text) {
        return Change.of(state.withMetadata(SessionName.of("s"),
                m -> m.withStatus(new StatusPill(text, Tone.INFO, clock.instant()))), text);
    }

    @Test
    void eachChangePublishesANewerSnapshot() {
        List<Long> versions = new ArrayList<>();
        owner.subscribe(s -> versions.add(s.version()));

        owner.apply(state -> setStatus(state, "one"));
        owner.apply(state -> setStatus(state, "two"));

        assertThat(versions).containsExactly(1L, 2L, 3L);
        assertThat(owner.current().metadataOf(SessionName.of("s")).status().text()).isEqualTo("two");
    }

    @Test
    void aCommandThatKeepsTheStatePublishesNothing() {
        List<Long> versions = new ArrayList<>();
        owner.subscribe(s -> versions.add(s.version()));

        String result = owner.apply(state -> Change.of(state, "nothing"));

        assertThat(result).isEqualTo("nothing");
        assertThat(versions).containsExactly(1L);
    }

    @Test
    void snapshotsCarryTheClockTime() {
        clock.advance(java.time.Duration.ofSeconds(5));
        owner.apply(state -> setStatus(state, "x"));

        assertThat(owner.current().takenAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void concurrentWritersAreAppliedOneAtATimeWithoutLoss() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < 4000; i++) {
            String line = "line " + i;
            futures.add(pool.submit(() -> owner.apply(state -> Change.of(state.withMetadata(SessionName.of("s"),
                    m -> m.withLog(new dev.opensessions.domain.metadata.LogEntry(line, Tone.NEUTRAL, null, T0))),
                    null))));
        }
        for (Future<?> future : futures) {
            future.get();
        }
        pool.shutdown();

        assertThat(owner.current().version()).isEqualTo(4001);
    }

    @Test
    void closedSubscriptionReceivesNothingMore() {
        List<Long> versions = new ArrayList<>();
        Subscription subscription = owner.subscribe(s -> versions.add(s.version()));
        subscription.close();

        owner.apply(state -> setStatus(state, "after"));

        assertThat(versions).containsExactly(1L);
    }
}
