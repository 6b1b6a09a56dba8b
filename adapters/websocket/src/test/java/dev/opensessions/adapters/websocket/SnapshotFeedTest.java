package dev.opensessions.adapters.websocket;

import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.domain.agent.AgentTracker;
import dev.opensessions.domain.session.SessionOrder;
import dev.opensessions.domain.session.Topology;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import static org.assertj.core.api.Assertions.assertThat;

class SnapshotFeedTest {

    /** A connection whose writes complete only when the test says so. */
    private final List<String> written = new ArrayList<>();
    private final List<CompletableFuture<Void>> writes = new ArrayList<>();
    private final SnapshotFeed feed = new SnapshotFeed(s -> "v" + s.version(), this::write);

    private CompletionStage<?> write(String text) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        written.add(text);
        writes.add(done);
        return done;
    }

    private static StateSnapshot version(long v) {
        return new StateSnapshot(v, Instant.EPOCH, Topology.empty(), SessionOrder.empty(), AgentTracker.empty(), Map.of());
    }

    private void completeLastWrite() {
        writes.getLast().complete(null);
    }

    @Test
    void greetingGoesFirstAndTheSnapshotWaitsForIt() {
        feed.open("hello");
        feed.offer(version(1));

        assertThat(written).containsExactly("hello");
        completeLastWrite();
        assertThat(written).containsExactly("hello", "v1");
    }

    @Test
    void slowClientSkipsToTheNewestVersionWithOneSendInFlight() {
        feed.open("hello");
        feed.offer(version(1));
        feed.offer(version(2));
        feed.offer(version(3));

        assertThat(written).containsExactly("hello");
        completeLastWrite();
        assertThat(written).containsExactly("hello", "v3");
        completeLastWrite();
        assertThat(written).containsExactly("hello", "v3");
    }

    @Test
    void neverSendsAVersionOlderThanOneAlreadySentOrPending() {
        feed.open("hello");
        completeLastWrite();
        feed.offer(version(5));
        feed.offer(version(4));
        feed.offer(version(5));
        completeLastWrite();
        feed.offer(version(3));

        assertThat(written).containsExactly("hello", "v5");
    }

    @Test
    void failedWriteDoesNotStallTheFeed() {
        feed.open("hello");
        feed.offer(version(1));
        writes.getLast().completeExceptionally(new IllegalStateException("connection reset"));
        completeLastWrite();
        feed.offer(version(2));

        assertThat(written).containsExactly("hello", "v1", "v2");
    }

    @Test
    void closedFeedSendsNothingMore() {
        feed.open("hello");
        feed.offer(version(1));
        feed.close();
        completeLastWrite();
        feed.offer(version(2));

        assertThat(written).containsExactly("hello");
    }

    @Test
    void repliesGoOutInOrderBeforeTheNewestSnapshot() {
        feed.open("hello");
        feed.offer(version(1));
        assertThat(feed.reply("error one")).isTrue();
        assertThat(feed.reply("error two")).isTrue();

        completeLastWrite();
        completeLastWrite();
        completeLastWrite();

        assertThat(written).containsExactly("hello", "error one", "error two", "v1");
    }

    @Test
    void aClientThatReadsNothingHoldsAtMostTheReplyQueueAndOneSnapshot() {
        feed.open("hello");
        for (int i = 0; i < SnapshotFeed.MAX_REPLIES; i++) {
            assertThat(feed.reply("error " + i)).isTrue();
        }
        for (int v = 1; v <= 1000; v++) {
            feed.offer(version(v));
        }

        assertThat(feed.reply("one too many")).isFalse();
        assertThat(written).containsExactly("hello");
        feed.close();
        completeLastWrite();
        assertThat(written).containsExactly("hello");
    }

    @Test
    void afterSubscribingNoStateIsSentAndEveryTransitionGoesInOrder() {
        feed.open("hello");
        feed.offer(version(1));
        feed.stopStates();
        feed.offer(version(2));
        feed.transition("t1");
        feed.transition("t2");

        completeLastWrite();
        completeLastWrite();
        completeLastWrite();

        assertThat(written).containsExactly("hello", "t1", "t2");
    }

    @Test
    void transitionsHeldForAFiltersReplyFollowIt() {
        feed.stopStates();
        feed.holdTransitions();
        feed.transition("t1");
        assertThat(written).isEmpty();

        assertThat(feed.release("subscribed")).isTrue();
        completeLastWrite();

        assertThat(written).containsExactly("subscribed", "t1");
    }

    @Test
    void aClientThatLetsTransitionsPileUpIsToldToGo() {
        feed.open("hello");
        for (int i = 0; i < SnapshotFeed.MAX_TRANSITIONS; i++) {
            assertThat(feed.transition("t" + i)).isTrue();
        }

        assertThat(feed.transition("one too many")).isFalse();
    }

    @Test
    void aStateThatCannotBeSerializedAfterAWriteEndsTheFeedAndIsReportedOnce() {
        List<Throwable> failures = new ArrayList<>();
        SnapshotFeed failing = new SnapshotFeed(s -> {
            throw new IllegalStateException("cannot serialize " + s.version());
        }, this::write, failures::add);
        failing.open("hello");
        failing.offer(version(1));

        // The frame is made in the hello write's completion callback, where a throw would otherwise vanish.
        completeLastWrite();

        assertThat(failures).singleElement().satisfies(f -> assertThat(f).hasMessage("cannot serialize 1"));
        failing.offer(version(2));
        assertThat(failing.reply("pong")).isTrue();
        assertThat(written).containsExactly("hello");
        assertThat(failures).hasSize(1);
    }

    @Test
    void aStateThatCannotBeSerializedWithNothingInFlightIsReportedToo() {
        List<Throwable> failures = new ArrayList<>();
        SnapshotFeed failing = new SnapshotFeed(s -> {
            throw new IllegalStateException("cannot serialize " + s.version());
        }, this::write, failures::add);

        failing.offer(version(1));

        assertThat(failures).hasSize(1);
        assertThat(written).isEmpty();
    }

    /** Deadlines the test fires by hand: one entry per write, in order; the armed count drops as they are cancelled. */
    private final List<Runnable> deadlines = new ArrayList<>();
    private int armed;
    private int stalls;

    private SnapshotFeed withDeadline() {
        return new SnapshotFeed(s -> "v" + s.version(), this::write, failure -> { }, expired -> {
            deadlines.add(expired);
            armed++;
            return () -> armed--;
        }, () -> stalls++);
    }

    @Test
    void aWriteThatNeverCompletesEndsTheFeedAtItsDeadlineAndIsReportedOnce() {
        SnapshotFeed stalling = withDeadline();
        stalling.open("hello");
        stalling.offer(version(1));

        deadlines.getLast().run();
        deadlines.getLast().run();

        assertThat(stalls).isEqualTo(1);
        completeLastWrite();
        stalling.offer(version(2));
        assertThat(stalling.reply("error")).isTrue();
        assertThat(written).containsExactly("hello");
    }

    @Test
    void aDeadlineIsArmedOnlyWhileAWriteIsInFlight() {
        SnapshotFeed timed = withDeadline();
        timed.open("hello");
        timed.offer(version(1));
        assertThat(armed).isEqualTo(1);

        completeLastWrite();
        assertThat(armed).as("the state's write, armed as the greeting's was cancelled").isEqualTo(1);
        completeLastWrite();

        assertThat(armed).as("nothing armed while idle").isZero();
        assertThat(deadlines).hasSize(2);
        deadlines.forEach(Runnable::run);
        assertThat(stalls).as("a deadline that fires after its write completed changes nothing").isZero();
        timed.offer(version(2));
        assertThat(written).containsExactly("hello", "v1", "v2");
    }
}
