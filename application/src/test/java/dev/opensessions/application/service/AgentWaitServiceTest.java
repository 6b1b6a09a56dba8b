package dev.opensessions.application.service;

import dev.opensessions.application.port.in.AgentFilter;
import dev.opensessions.application.port.in.RecordAgentEventUseCase.Command;
import dev.opensessions.application.port.in.WaitOutcome;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.ThreadChange;
import dev.opensessions.domain.session.SessionName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class AgentWaitServiceTest {

    private static final Duration LONG = Duration.ofMinutes(5);

    private final Harness h = new Harness();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final ThreadChangeFeed feed = new ThreadChangeFeed(h.owner);
    private final AgentWaitService waits = new AgentWaitService(h.owner, feed, scheduler, 3);

    @AfterEach
    void close() {
        waits.close();
        feed.close();
        scheduler.shutdownNow();
    }

    @Test
    void aConditionThatHoldsAlreadyIsMetAtOnce() {
        h.mux.pushSessions("api", "/w/api");
        h.agents.record(event("claude-code", AgentStatus.DONE, "t1"));

        WaitOutcome outcome = now(waits.waitFor(filter("api", null, AgentStatus.DONE, AgentStatus.ERROR), LONG));

        assertThat(outcome).isInstanceOfSatisfying(WaitOutcome.Met.class,
                met -> assertThat(met.thread().threadId()).isEqualTo("t1"));
        assertThat(waits.openWaits()).isZero();
    }

    @Test
    void aWaitIsMetByTheChangeThatMakesItTrueAndOnlyByThat() {
        h.mux.pushSessions("api", "/w/api", "web", "/w/web");
        h.agents.record(event("claude-code", AgentStatus.RUNNING, "t1"));
        CompletableFuture<WaitOutcome> wait = waits.waitFor(filter("api", "claude-code", AgentStatus.DONE), LONG)
                .toCompletableFuture();

        h.agents.record(event("codex", AgentStatus.DONE, "t2"));
        h.agents.record(event("claude-code", AgentStatus.WAITING, "t1"));
        assertThat(wait).isNotDone();
        h.agents.record(event("claude-code", AgentStatus.DONE, "t1"));

        assertThat(wait).isCompletedWithValueMatching(o -> o instanceof WaitOutcome.Met met
                && met.thread().status() == AgentStatus.DONE && met.thread().agent().equals("claude-code"));
        assertThat(waits.openWaits()).isZero();
    }

    @Test
    void aRowThatMovesIntoTheWaitedSessionWithTheStatusMeetsTheWait() {
        h.mux.pushSessions("api", "/w/api", "web", "/w/web");
        h.agents.record(event("amp", AgentStatus.DONE, null));
        CompletableFuture<WaitOutcome> wait = waits.waitFor(filter("web", null, AgentStatus.DONE), LONG)
                .toCompletableFuture();
        assertThat(wait).isNotDone();

        h.clock.advance(Duration.ofMillis(1));
        h.agents.record(new Command("amp", AgentStatus.DONE, SessionName.of("web"), null, null, null, null, null, null,
                null));

        assertThat(wait).isCompletedWithValueMatching(o -> o instanceof WaitOutcome.Met met
                && met.thread().session().equals(SessionName.of("web")));
    }

    @Test
    void aWaitTimesOutAndFreesItsPlace() throws Exception {
        h.mux.pushSessions("api", "/w/api");

        WaitOutcome outcome = waits.waitFor(filter("api", null, AgentStatus.DONE), Duration.ofMillis(50))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOf(WaitOutcome.TimedOut.class);
        assertThat(waits.openWaits()).isZero();
    }

    @Test
    void waitsBeyondTheLimitAreRefusedAndACancelledWaitFreesItsPlace() {
        h.mux.pushSessions("api", "/w/api");
        List<CompletableFuture<WaitOutcome>> open = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            open.add(waits.waitFor(filter("api", null, AgentStatus.DONE), LONG).toCompletableFuture());
        }

        assertThat(now(waits.waitFor(filter("api", null, AgentStatus.DONE), LONG)))
                .isEqualTo(new WaitOutcome.TooManyWaits(3));
        open.getFirst().cancel(false);
        assertThat(waits.openWaits()).isEqualTo(2);
        assertThat(waits.waitFor(filter("api", null, AgentStatus.DONE), LONG).toCompletableFuture()).isNotDone();
    }

    @Test
    void aThreadIsNamedByItsIdOrItsKey() {
        h.mux.pushSessions("api", "/w/api");
        CompletableFuture<WaitOutcome> byId = waits.waitFor(
                new AgentFilter(SessionName.of("api"), null, "t7", Set.of(AgentStatus.ERROR)), LONG).toCompletableFuture();
        CompletableFuture<WaitOutcome> byKey = waits.waitFor(
                new AgentFilter(null, null, "amp:t7", Set.of(AgentStatus.ERROR)), LONG).toCompletableFuture();

        h.agents.record(event("amp", AgentStatus.ERROR, "t8"));
        assertThat(byId).isNotDone();
        h.agents.record(event("amp", AgentStatus.ERROR, "t7"));

        assertThat(byId).isCompleted();
        assertThat(byKey).isCompleted();
    }

    @Test
    void aChangedRowMeetsTheWaitsOfEveryWayToNameItsSessionAndThreadAndNoOthers() {
        h.mux.pushSessions("api", "/w/api", "web", "/w/web");
        try (AgentWaitService many = new AgentWaitService(h.owner, feed, scheduler, 20)) {
            List<CompletableFuture<WaitOutcome>> meet = new ArrayList<>();
            for (SessionName session : java.util.Arrays.asList(SessionName.of("api"), null)) {
                for (String thread : java.util.Arrays.asList("t7", "amp:t7", null)) {
                    meet.add(many.waitFor(new AgentFilter(session, null, thread, Set.of(AgentStatus.ERROR)), LONG)
                            .toCompletableFuture());
                }
            }
            List<CompletableFuture<WaitOutcome>> stay = List.of(
                    many.waitFor(new AgentFilter(SessionName.of("web"), null, "t7", Set.of(AgentStatus.ERROR)), LONG)
                            .toCompletableFuture(),
                    many.waitFor(new AgentFilter(SessionName.of("api"), null, "t8", Set.of(AgentStatus.ERROR)), LONG)
                            .toCompletableFuture(),
                    many.waitFor(new AgentFilter(null, null, "codex:t7", Set.of(AgentStatus.ERROR)), LONG)
                            .toCompletableFuture(),
                    many.waitFor(new AgentFilter(SessionName.of("api"), "codex", null, Set.of(AgentStatus.ERROR)), LONG)
                            .toCompletableFuture());

            h.agents.record(event("amp", AgentStatus.ERROR, "t7"));

            assertThat(meet).allMatch(CompletableFuture::isDone);
            assertThat(stay).noneMatch(CompletableFuture::isDone);
            assertThat(many.openWaits()).isEqualTo(stay.size());
        }
    }

    @Test
    void stoppingAnswersEveryOpenWait() {
        h.mux.pushSessions("api", "/w/api");
        CompletableFuture<WaitOutcome> wait = waits.waitFor(filter("api", null, AgentStatus.DONE), LONG)
                .toCompletableFuture();

        waits.close();

        assertThat(wait).isCompletedWithValue(new WaitOutcome.Stopped());
    }

    @Test
    void aSubscriberReceivesEveryMatchingStatusChangeInOrder() {
        h.mux.pushSessions("api", "/w/api", "web", "/w/web");
        List<ThreadChange> seen = new CopyOnWriteArrayList<>();
        var subscription = waits.watch(filter("api", null, AgentStatus.DONE, AgentStatus.WAITING), seen::add);

        h.agents.record(event("claude-code", AgentStatus.RUNNING, "t1"));
        h.agents.record(event("claude-code", AgentStatus.WAITING, "t1"));
        h.agents.record(event("claude-code", AgentStatus.RUNNING, "t1"));
        h.agents.record(event("claude-code", AgentStatus.DONE, "t1"));
        subscription.close();
        h.agents.record(event("claude-code", AgentStatus.WAITING, "t1"));

        assertThat(seen).extracting(c -> c.after().status()).containsExactly(AgentStatus.WAITING, AgentStatus.DONE);
        assertThat(seen.getLast().before().status()).isEqualTo(AgentStatus.RUNNING);
    }

    private static AgentFilter filter(String session, String agent, AgentStatus... statuses) {
        return new AgentFilter(session == null ? null : SessionName.of(session), agent, null, Set.of(statuses));
    }

    private Command event(String agent, AgentStatus status, String thread) {
        h.clock.advance(Duration.ofMillis(1));
        return new Command(agent, status, SessionName.of("api"), null, thread, null, null, null, null, null);
    }

    private static WaitOutcome now(CompletionStage<WaitOutcome> stage) {
        CompletableFuture<WaitOutcome> future = stage.toCompletableFuture();
        assertThat(future).isDone();
        return future.join();
    }
}
