package dev.opensessions.application.service;

import dev.opensessions.application.port.in.AgentEventOutcome;
import dev.opensessions.application.port.in.ExplainAgentsUseCase.AgentExplanation;
import dev.opensessions.application.port.in.RecordAgentEventUseCase;
import dev.opensessions.application.port.in.RegisterPiRuntimeUseCase;
import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.application.testkit.FakeAgentSource;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.StatusTransition;
import dev.opensessions.domain.agent.ThreadKey;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import static dev.opensessions.application.testkit.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

/** The Pi runtime registry over the real services, a real scheduler and a clock the test moves. */
class PiRuntimeServiceTest {

    private static final Instant T0 = Harness.T0;

    private final Harness h = new Harness();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final PiRuntimeService runtimes = new PiRuntimeService(h.owner, h.agents, scheduler, h.clock);
    private final FakeAgentSource transcripts = new FakeAgentSource("pi");
    private final FakeAgentSource claude = new FakeAgentSource("claude-code");
    private final AgentWatchService watch = new AgentWatchService(h.owner, h.agents,
            runtimes.linked(List.of(transcripts, claude)), scheduler, h.clock);
    private final RecordAgentEventUseCase pushed = runtimes.linked(h.agents);

    {
        // Two sessions: api owns pane %0, web owns pane %1.
        h.mux.pushSessions("api", "/w/api", "web", "/w/web");
        watch.start();
    }

    @AfterEach
    void stop() {
        watch.close();
        runtimes.close();
        scheduler.shutdownNow();
    }

    @Test
    void aTranscriptWithoutAPaneTakesThePaneOfItsLiveProcessAndMapsByIt() {
        runtimes.register(beat(4242, "s1", "%1", T0));

        transcripts.report(reading("s1", AgentStatus.RUNNING, T0.minusMillis(500)));

        assertThat(row("s1").session()).isEqualTo(SessionName.of("web"));
        assertThat(row("s1").paneId()).isEqualTo(PaneId.of("%1"));
        AgentExplanation explained = explain("pi:s1");
        assertThat(explained.mapping()).isEqualTo("pane %1");
        assertThat(explained.evidence()).endsWith("pi runtime pid 4242 in pane %1");
    }

    @Test
    void aProcessRegisteredAfterItsTranscriptWasReadMovesTheRowToItsPaneAtOnce() {
        transcripts.report(reading("s1", AgentStatus.RUNNING, T0.minusMillis(500)));
        assertThat(row("s1").session()).isEqualTo(SessionName.of("api"));

        runtimes.register(beat(4242, "s1", "%1", T0));

        assertThat(row("s1").session()).isEqualTo(SessionName.of("web"));
        assertThat(explain("pi:s1").mapping()).isEqualTo("pane %1");
    }

    @Test
    void aPushedPiEventWithoutAPaneTakesTheProcessPaneAndOtherReportsKeepTheirOwn() {
        runtimes.register(beat(4242, "s1", "%1", T0));

        pushed.record(event("pi", "s1", AgentStatus.RUNNING, T0, null));
        pushed.record(event("pi", "s2", AgentStatus.RUNNING, T0, null));
        pushed.record(event("claude-code", "s1", AgentStatus.RUNNING, T0, null));
        pushed.record(event("pi", "s1", AgentStatus.TOOL_RUNNING, T0.plusMillis(1), PaneId.of("%0")));

        assertThat(find("pi", "s2").orElseThrow().session()).isEqualTo(SessionName.of("api"));
        assertThat(find("claude-code", "s1").orElseThrow().paneId()).isNull();
        assertThat(row("s1").paneId()).isEqualTo(PaneId.of("%0"));
        assertThat(row("s1").session()).isEqualTo(SessionName.of("api"));
    }

    @Test
    void aBatchOfPushedEventsIsLinkedReportByReportAndStaysOneChangeOfTheState() {
        runtimes.register(beat(4242, "s1", "%1", T0));
        List<Long> published = new CopyOnWriteArrayList<>();
        h.owner.subscribe(snapshot -> published.add(snapshot.version()));
        published.clear();

        List<RecordAgentEventUseCase.BatchOutcome> outcomes = pushed.recordAll(List.of(
                event("pi", "s1", AgentStatus.RUNNING, T0, null),
                event("pi", "s2", AgentStatus.RUNNING, T0, null),
                event("claude-code", "s1", AgentStatus.WAITING, T0, null)));

        assertThat(outcomes).containsExactly(
                new RecordAgentEventUseCase.Taken(new AgentEventOutcome.Recorded(SessionName.of("web"))),
                new RecordAgentEventUseCase.Taken(new AgentEventOutcome.Recorded(SessionName.of("api"))),
                new RecordAgentEventUseCase.Taken(new AgentEventOutcome.Recorded(SessionName.of("api"))));
        assertThat(published).as("one snapshot for the batch").hasSize(1);
        assertThat(row("s1").paneId()).isEqualTo(PaneId.of("%1"));
        assertThat(find("pi", "s2").orElseThrow().paneId()).isNull();
        assertThat(find("claude-code", "s1").orElseThrow().paneId()).isNull();
    }

    @Test
    void threeMissedHeartbeatsEndTheProcessAndItsRunningRowTurnsStale() {
        runtimes.register(beat(4242, "s1", "%1", T0.minusMillis(14_900)));
        pushed.record(event("pi", "s1", AgentStatus.RUNNING, T0.minusSeconds(1), null));

        h.clock.advance(Duration.ofSeconds(1));

        until(() -> row("s1").status() == AgentStatus.STALE);
        assertThat(row("s1").unseen()).isTrue();
        assertThat(row("s1").updatedAt()).isEqualTo(T0.minusSeconds(1));
        assertThat(runtimes.runtimeOf("s1")).isEmpty();
        assertThat(h.transitions).extracting(StatusTransition::to).containsExactly(AgentStatus.RUNNING,
                AgentStatus.STALE);
    }

    @Test
    void aHeartbeatReArmsTheExpiry() throws Exception {
        runtimes.register(beat(4242, "s1", "%1", T0.minusMillis(14_900)));
        pushed.record(event("pi", "s1", AgentStatus.WAITING, T0.minusSeconds(1), null));

        runtimes.register(beat(4242, "s1", "%1", T0));
        h.clock.advance(Duration.ofSeconds(1));
        drainScheduler(300);

        assertThat(row("s1").status()).isEqualTo(AgentStatus.WAITING);
        assertThat(runtimes.runtimeOf("s1")).isPresent();
    }

    @Test
    void anOlderHeartbeatArrivingLateDoesNotMoveTheExpiryBack() throws Exception {
        runtimes.register(beat(4242, "s1", "%1", T0));
        runtimes.register(beat(4242, "s1", "%1", T0.minusMillis(14_900)));
        h.clock.advance(Duration.ofSeconds(1));
        drainScheduler(300);

        assertThat(runtimes.runtimeOf("s1").orElseThrow().expiresAt()).isEqualTo(T0.plusSeconds(15));
    }

    @ParameterizedTest
    @EnumSource(value = AgentStatus.class, names = {"RUNNING", "TOOL_RUNNING", "WAITING"})
    void endingTheOnlyProcessOfAnOpenRowMakesItStaleAtOnce(AgentStatus open) {
        runtimes.register(beat(4242, "s1", "%1", T0));
        pushed.record(event("pi", "s1", open, T0, null));

        runtimes.end(4242);

        assertThat(row("s1").status()).isEqualTo(AgentStatus.STALE);
        assertThat(row("s1").paneId()).isEqualTo(PaneId.of("%1"));
    }

    @ParameterizedTest
    @EnumSource(value = AgentStatus.class, names = {"IDLE", "DONE", "ERROR", "INTERRUPTED", "STALE"})
    void aRowThatIsNotOpenIsUntouchedWhenItsProcessEnds(AgentStatus settled) {
        runtimes.register(beat(4242, "s1", "%1", T0));
        pushed.record(new RecordAgentEventUseCase.Command("pi", settled, null, "/w/api", "s1", null, null, T0,
                false, null));
        long version = h.owner.current().version();
        int transitions = h.transitions.size();

        runtimes.end(4242);

        assertThat(h.owner.current().version()).isEqualTo(version);
        assertThat(row("s1").status()).isEqualTo(settled);
        assertThat(row("s1").unseen()).isFalse();
        assertThat(h.transitions).hasSize(transitions);
    }

    @Test
    void endingAnUnknownProcessChangesNothing() {
        pushed.record(event("pi", "s1", AgentStatus.RUNNING, T0, null));
        long version = h.owner.current().version();

        runtimes.end(999);
        runtimes.end(999);

        assertThat(h.owner.current().version()).isEqualTo(version);
        assertThat(row("s1").status()).isEqualTo(AgentStatus.RUNNING);
    }

    @Test
    void aSessionStaysOpenWhileAnyOfItsProcessesLives() {
        runtimes.register(beat(4242, "s1", "%1", T0.minusSeconds(1)));
        runtimes.register(beat(4343, "s1", "%0", T0));
        pushed.record(event("pi", "s1", AgentStatus.RUNNING, T0, null));
        assertThat(row("s1").paneId()).isEqualTo(PaneId.of("%0"));

        runtimes.end(4343);
        assertThat(row("s1").status()).isEqualTo(AgentStatus.RUNNING);
        assertThat(runtimes.runtimeOf("s1").orElseThrow().pid()).isEqualTo(4242);

        runtimes.end(4242);
        assertThat(row("s1").status()).isEqualTo(AgentStatus.STALE);
    }

    @Test
    void aProcessThatMovesToAnotherSessionEndsTheOldOne() {
        runtimes.register(beat(4242, "s1", "%1", T0));
        pushed.record(event("pi", "s1", AgentStatus.RUNNING, T0, null));

        runtimes.register(beat(4242, "s2", "%1", T0.plusMillis(1)));

        assertThat(row("s1").status()).isEqualTo(AgentStatus.STALE);
        assertThat(runtimes.runtimeOf("s1")).isEmpty();
        assertThat(runtimes.runtimeOf("s2")).isPresent();
    }

    @Test
    void anEndedProcessNoLongerLinksItsSession() {
        runtimes.register(beat(4242, "s1", "%1", T0));
        runtimes.end(4242);

        pushed.record(event("pi", "s1", AgentStatus.RUNNING, T0, null));

        assertThat(row("s1").session()).isEqualTo(SessionName.of("api"));
        assertThat(row("s1").paneId()).isNull();
    }

    private static RegisterPiRuntimeUseCase.Command beat(long pid, String sessionId, String pane, Instant ts) {
        return new RegisterPiRuntimeUseCase.Command(pid, 4000, sessionId, "/home/me/.pi/agent/sessions/" + sessionId
                + ".jsonl", "/w/api", "fix the ✓ bug", ts, pane == null ? null : PaneId.of(pane));
    }

    /** A Pi thread as its transcript reads: it works in /w/api and knows no pane. */
    private static AgentObservation reading(String sessionId, AgentStatus status, Instant lastActivity) {
        return new AgentObservation("pi", sessionId, status, "fix the ✓ bug", "make it green", "/w/api", null,
                lastActivity, false, "/home/me/.pi/agent/sessions/" + sessionId + ".jsonl",
                List.of("line 7 user", "line 8 assistant stopReason toolUse"));
    }

    private static RecordAgentEventUseCase.Command event(String agent, String threadId, AgentStatus status,
                                                         Instant ts, PaneId pane) {
        return new RecordAgentEventUseCase.Command(agent, status, null, "/w/api", threadId, null, null, ts, null, pane);
    }

    private AgentThread row(String sessionId) {
        return find("pi", sessionId).orElseThrow();
    }

    private Optional<AgentThread> find(String agent, String threadId) {
        return h.owner.current().agents().find(ThreadKey.of(agent, threadId));
    }

    private AgentExplanation explain(String key) {
        return watch.explain(Optional.empty()).stream().filter(e -> e.key().equals(key)).findFirst().orElseThrow();
    }

    /** Waits until every task the scheduler had due within {@code millis} has run: it runs them in time order. */
    private void drainScheduler(long millis) throws Exception {
        scheduler.schedule(() -> null, millis, TimeUnit.MILLISECONDS).get(10, TimeUnit.SECONDS);
    }
}
