package dev.opensessions.application.service;

import dev.opensessions.application.port.in.CommitOutcome;
import dev.opensessions.application.port.in.LogCommand;
import dev.opensessions.application.port.in.RecordAgentEventUseCase.Command;
import dev.opensessions.application.state.Change;
import dev.opensessions.application.state.ServerState;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.application.testkit.FakeSessionSource;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.metadata.Tone;
import dev.opensessions.domain.session.SessionName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static dev.opensessions.application.testkit.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

class DurableStateServiceTest {

    private static final SessionName A = SessionName.of("a");

    private final RecordingStores stores = new RecordingStores();

    private record Running(StateOwner owner, DurableStateService durable, SessionMetadataService metadata,
                           RecordAgentEventService agents, SessionOrderService order, FakeSessionSource mux) {
    }

    private Running start() {
        DurableStateService durable = stores.service();
        ServerState restored = durable.restore();
        StateOwner owner = new StateOwner(Clock.systemUTC(), restored);
        durable.start(owner);
        FakeSessionSource mux = new FakeSessionSource();
        new TopologyService(owner, mux).start();
        mux.pushSessions("a", "/a", "b", "/b");
        return new Running(owner, durable, new SessionMetadataService(owner),
                new RecordAgentEventService(owner, durable), new SessionOrderService(owner), mux);
    }

    @Test
    void changesAreWrittenAndRestored() {
        Running first = start();
        first.metadata.setStatus(A, "Deploying", Tone.WARN);
        first.metadata.append(new LogCommand(A, "Tests passed", Tone.SUCCESS, "ci"));
        first.order.reorder(SessionName.of("b"), -1);
        first.agents.record(new Command("codex", AgentStatus.DONE, A, null, "t", "name", "prompt", null, null, null));
        first.durable.close();

        Running second = start();

        assertThat(second.owner.current().metadata()).isEqualTo(first.owner.current().metadata());
        assertThat(second.owner.current().order()).isEqualTo(first.owner.current().order());
        assertThat(second.owner.current().agents().threads())
                .containsExactlyInAnyOrderElementsOf(first.owner.current().agents().threads());
        assertThat(second.owner.current().agents().unseen(A)).isTrue();
        assertThat(second.durable.history(A, 10)).singleElement()
                .satisfies(t -> assertThat(t.to()).isEqualTo(AgentStatus.DONE));
    }

    @Test
    void aBurstOfEventsIsWrittenInFewWritesWithEveryTransitionAndTheLastRows() {
        Running running = start();
        AgentStatus[] cycle = {AgentStatus.RUNNING, AgentStatus.WAITING, AgentStatus.DONE, AgentStatus.ERROR};
        running.durable.flush();
        int before = stores.writes.get();
        // The writer takes the first event and waits; the other 199 pile up for the commit after it.
        CountDownLatch gate = new CountDownLatch(1);
        stores.gate = gate;

        for (int i = 0; i < 200; i++) {
            running.agents.record(new Command("load", cycle[i / 4 % cycle.length], A, null, "t" + i % 4,
                    null, null, null, null, null));
        }
        gate.countDown();

        until(() -> stores.threads.size() == 4 && stores.threads.values().stream()
                .allMatch(row -> row.status() == cycle[49 % cycle.length]));
        assertThat(stores.writes.get() - before).isLessThan(200);
        assertThat(running.durable.history(A, 500)).hasSize(200);
    }

    @Test
    void onlyWhatChangedIsWritten() {
        Running running = start();
        running.metadata.setStatus(A, "one", Tone.INFO);
        running.durable.flush();
        int before = stores.writes.get();

        running.mux.pushSessions("a", "/a", "b", "/b", "c", "/c");
        running.durable.flush();

        assertThat(stores.writes.get()).isEqualTo(before);
    }

    @Test
    void removedRowsAreDeleted() {
        Running running = start();
        running.metadata.setStatus(A, "one", Tone.INFO);
        running.metadata.setStatus(A, null, Tone.INFO);
        running.durable.flush();

        assertThat(stores.metadata).isEmpty();
    }

    @Test
    void aFailingStoreNeitherStopsTheServerNorLosesTheInMemoryState() {
        stores.failing = true;
        Running running = start();

        running.metadata.setStatus(A, "still works", Tone.INFO);
        running.durable.flush();

        assertThat(running.owner.current().metadataOf(A).status().text()).isEqualTo("still works");
        assertThat(running.durable.history(A, 5)).isEmpty();
    }

    @Test
    void aCommitCompletesOnlyOnceTheChangeIsInTheStore() throws Exception {
        Running running = start();

        running.metadata.setStatus(A, "stored", Tone.INFO);
        CommitOutcome outcome = running.durable.committed().toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(outcome).isInstanceOf(CommitOutcome.Committed.class);
        assertThat(stores.metadata.get(A).status().text()).isEqualTo("stored");
    }

    @Test
    void aWriteIsNotAcknowledgedWhileItsTransactionIsStillRunning() throws Exception {
        CountDownLatch inTransaction = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean hold = new AtomicBoolean();
        DurableStateService durable = new DurableStateService(stores.orders, stores.metadataStore,
                stores.threadStore, stores.historyStore, work -> {
                    work.run();
                    if (hold.get()) {
                        // The work is done but the transaction has not returned (its COMMIT is still running).
                        inTransaction.countDown();
                        try {
                            release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException interrupted) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
        StateOwner owner = new StateOwner(Clock.systemUTC(), durable.restore());
        durable.start(owner);
        FakeSessionSource mux = new FakeSessionSource();
        new TopologyService(owner, mux).start();
        mux.pushSessions("a", "/a");
        RecordAgentEventService agents = new RecordAgentEventService(owner, durable);
        durable.committed().toCompletableFuture().get(5, TimeUnit.SECONDS);
        hold.set(true);

        java.util.List<CompletableFuture<CommitOutcome>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            agents.record(new Command("load", AgentStatus.RUNNING, A, null, "t" + i, null, null, null, null, null));
            answers.add(durable.committed().toCompletableFuture());
        }
        assertThat(inTransaction.await(5, TimeUnit.SECONDS)).isTrue();

        assertThat(answers).noneMatch(CompletableFuture::isDone);
        release.countDown();
        for (CompletableFuture<CommitOutcome> answer : answers) {
            assertThat(answer.get(5, TimeUnit.SECONDS)).isInstanceOf(CommitOutcome.Committed.class);
        }
        assertThat(stores.threads).hasSize(5);
        durable.close();
    }

    @Test
    void eventsOfOneCommitKeepEveryTransitionButSaveOnlyTheLastRowOfEachThreadOnceAndShareOneAnswer() throws Exception {
        CountDownLatch inTransaction = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean hold = new AtomicBoolean();
        DurableStateService durable = new DurableStateService(stores.orders, stores.metadataStore,
                stores.threadStore, stores.historyStore, work -> {
                    work.run();
                    if (hold.getAndSet(false)) {
                        inTransaction.countDown();
                        try {
                            release.await(10, TimeUnit.SECONDS);
                        } catch (InterruptedException interrupted) {
                            Thread.currentThread().interrupt();
                        }
                    }
                });
        StateOwner owner = new StateOwner(Clock.systemUTC(), durable.restore());
        durable.start(owner);
        FakeSessionSource mux = new FakeSessionSource();
        new TopologyService(owner, mux).start();
        mux.pushSessions("a", "/a");
        RecordAgentEventService agents = new RecordAgentEventService(owner, durable);
        // The sessions' commit first, so the one held below is the commit of the "held" thread.
        durable.committed().toCompletableFuture().get(5, TimeUnit.SECONDS);
        hold.set(true);
        agents.record(new Command("load", AgentStatus.RUNNING, A, null, "held", null, null, null, null, null));
        assertThat(inTransaction.await(5, TimeUnit.SECONDS)).isTrue();
        int savedBefore = stores.saved.size();

        // While the writer is held in a commit: three changes of one thread, two of another, all in the next commit.
        AgentStatus[] statuses = {AgentStatus.RUNNING, AgentStatus.WAITING, AgentStatus.DONE};
        java.util.List<CompletableFuture<CommitOutcome>> answers = new java.util.ArrayList<>();
        for (AgentStatus status : statuses) {
            agents.record(new Command("load", status, A, null, "t", null, null, null, null, null));
            answers.add(durable.committed().toCompletableFuture());
        }
        for (AgentStatus status : java.util.List.of(AgentStatus.RUNNING, AgentStatus.ERROR)) {
            agents.record(new Command("load", status, A, null, "u", null, null, null, null, null));
            answers.add(durable.committed().toCompletableFuture());
        }
        release.countDown();
        for (CompletableFuture<CommitOutcome> answer : answers) {
            assertThat(answer.get(5, TimeUnit.SECONDS)).isInstanceOf(CommitOutcome.Committed.class);
        }

        assertThat(answers).allMatch(answer -> answer == answers.getFirst());
        assertThat(stores.history).extracting(t -> t.thread().value() + ":" + t.to().wireName())
                .filteredOn(row -> !row.startsWith("load:held:"))
                .containsExactly("load:t:running", "load:t:waiting", "load:t:done", "load:u:running", "load:u:error");
        assertThat(stores.saved.subList(savedBefore, stores.saved.size()))
                .extracting(row -> row.threadId() + ":" + row.status().wireName())
                .filteredOn(row -> !row.startsWith("held:"))
                .containsExactlyInAnyOrder("t:done", "u:error");
        durable.close();
    }

    @Test
    void aRowThatMovesToAnotherSessionIsStoredUnderItsNewSessionOnly() {
        Running running = start();
        running.agents.record(new Command("codex", AgentStatus.RUNNING, A, null, "t", null, null, null, null, null));
        running.agents.record(new Command("codex", AgentStatus.RUNNING, SessionName.of("b"), null, "u",
                null, null, null, null, null));
        running.durable.flush();
        SessionName renamed = SessionName.of("renamed");

        running.owner.apply(state -> Change.of(state.withAgents(state.agents().renameSession(A, renamed)), null));
        running.durable.flush();

        assertThat(stores.threads.values()).extracting(AgentThread::session)
                .containsExactlyInAnyOrder(renamed, SessionName.of("b"));
        assertThat(stores.threads).hasSize(2);
    }

    @Test
    void aFullDiskFailsTheCommitThenRefusesWritesAndRecoversWithNothingLost() throws Exception {
        Running running = start();
        running.metadata.setStatus(A, "before", Tone.INFO);
        running.durable.committed().toCompletableFuture().get(5, TimeUnit.SECONDS);
        stores.full = true;

        running.metadata.setStatus(A, "during", Tone.INFO);
        CommitOutcome failed = running.durable.committed().toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(failed).isEqualTo(new CommitOutcome.NotStored(true, "the disk is full"));
        assertThat(running.durable.refusal()).isPresent();
        assertThat(stores.metadata.get(A).status().text()).isEqualTo("before");

        stores.full = false;
        until(() -> running.durable.refusal().isEmpty(), Duration.ofSeconds(10), "the store is retried");
        assertThat(stores.metadata.get(A).status().text()).isEqualTo("during");
        assertThat(running.durable.committed().toCompletableFuture().get(5, TimeUnit.SECONDS))
                .isInstanceOf(CommitOutcome.Committed.class);
    }

    @Test
    void transitionsOfAFailedCommitAreWrittenWhenTheStoreRecovers() {
        Running running = start();
        stores.full = true;
        for (int i = 0; i < 3; i++) {
            running.agents.record(new Command("load", AgentStatus.RUNNING, A, null, "t" + i,
                    null, null, null, null, null));
        }
        until(() -> running.durable.refusal().isPresent(), Duration.ofSeconds(5), "the failure is seen");

        stores.full = false;
        until(() -> running.durable.refusal().isEmpty(), Duration.ofSeconds(10), "the store is retried");
        assertThat(running.durable.history(A, 10)).hasSize(3);
        assertThat(stores.threads).hasSize(3);
    }
}
