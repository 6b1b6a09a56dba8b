package dev.opensessions.application.service;

import dev.opensessions.application.port.in.AgentEventOutcome;
import dev.opensessions.application.port.in.LimitExceeded;
import dev.opensessions.application.port.in.RecordAgentEventUseCase;
import dev.opensessions.application.port.in.RecordAgentEventUseCase.Command;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.Topology;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;

import static dev.opensessions.application.testkit.FakeSessionSource.session;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RecordAgentEventServiceTest {

    private final Harness h = new Harness();

    private static Command event(AgentStatus status, String session, String dir, String pane) {
        return new Command("claude-code", status, session == null ? null : SessionName.of(session), dir, "t1",
                "Fix login", "please fix", null, null, pane == null ? null : PaneId.of(pane));
    }

    @Test
    void eventForALiveSessionIsRecordedWithTheServerTime() {
        h.mux.pushSessions("api", "/w/api", "web", "/w/web");

        AgentEventOutcome outcome = h.agents.record(event(AgentStatus.RUNNING, "web", null, null));

        assertThat(outcome).isEqualTo(new AgentEventOutcome.Recorded(SessionName.of("web")));
        AgentThread row = h.owner.current().agents().threads().getFirst();
        assertThat(row.session()).isEqualTo(SessionName.of("web"));
        assertThat(row.updatedAt()).isEqualTo(Harness.T0);
        assertThat(row.lastUserPrompt()).isEqualTo("please fix");
    }

    @Test
    void eventForNoLiveSessionIsUnresolvedAndChangesNothing() {
        h.mux.pushSessions("api", "/w/api");
        long version = h.owner.current().version();

        AgentEventOutcome outcome = h.agents.record(event(AgentStatus.RUNNING, "ghost", "/elsewhere", null));

        assertThat(outcome).isInstanceOf(AgentEventOutcome.Unresolved.class);
        assertThat(h.owner.current().version()).isEqualTo(version);
        assertThat(h.transitions).isEmpty();
    }

    @Test
    void aReportOlderThanTheThreadsLastOneIsDroppedWithoutAChange() {
        h.mux.pushSessions("api", "/w/api");
        h.agents.record(at(event(AgentStatus.DONE, "api", null, null), Harness.T0.minusMillis(5)));
        long version = h.owner.current().version();

        AgentEventOutcome outcome = h.agents.record(at(event(AgentStatus.RUNNING, "api", null, null),
                Harness.T0.minusMillis(40)));

        assertThat(outcome).isEqualTo(new AgentEventOutcome.Superseded(SessionName.of("api")));
        assertThat(h.owner.current().version()).isEqualTo(version);
        assertThat(h.owner.current().agents().threads().getFirst().status()).isEqualTo(AgentStatus.DONE);
    }

    @Test
    void aNewThreadInAFullSessionPushesOutTheOldestThreadThatIsNotLive() {
        h.mux.pushSessions("api", "/w/api");
        h.agents.record(thread("finished-first", AgentStatus.DONE, "%1"));
        h.clock.advance(Duration.ofMillis(1));
        h.agents.record(thread("no-pane", AgentStatus.RUNNING, null));
        for (int i = 2; i < RecordAgentEventService.MAX_THREADS_PER_SESSION; i++) {
            h.clock.advance(Duration.ofMillis(1));
            h.agents.record(thread("live-" + i, AgentStatus.RUNNING, "%1"));
        }

        h.agents.record(thread("new", AgentStatus.RUNNING, "%1"));
        h.agents.record(thread("newer", AgentStatus.RUNNING, "%1"));

        assertThat(h.owner.current().agents().threads()).hasSize(RecordAgentEventService.MAX_THREADS_PER_SESSION)
                .extracting(AgentThread::threadId)
                .contains("new", "newer", "live-2")
                .doesNotContain("finished-first", "no-pane");
    }

    @Test
    void aNewThreadInASessionFullOfLiveThreadsIsRefusedAndChangesNothing() {
        h.mux.pushSessions("api", "/w/api");
        for (int i = 0; i < RecordAgentEventService.MAX_THREADS_PER_SESSION; i++) {
            h.agents.record(thread("live-" + i, AgentStatus.WAITING, "%1"));
        }
        long version = h.owner.current().version();
        int transitions = h.transitions.size();

        assertThatThrownBy(() -> h.agents.record(thread("one-more", AgentStatus.RUNNING, null)))
                .isInstanceOf(LimitExceeded.class)
                .hasMessage("too many agent threads in session api (at most 64, all of them live)");
        assertThat(h.owner.current().version()).isEqualTo(version);
        assertThat(h.transitions).hasSize(transitions);

        h.agents.record(thread("live-0", AgentStatus.DONE, "%1"));
        assertThat(h.agents.record(thread("one-more", AgentStatus.RUNNING, null)))
                .isEqualTo(new AgentEventOutcome.Recorded(SessionName.of("api")));
        assertThat(h.owner.current().agents().threads()).extracting(AgentThread::threadId)
                .contains("one-more").doesNotContain("live-0");
    }

    @Test
    void aBatchForDifferentSessionsIsOneChangeOfTheStateWithEveryTransition() {
        h.mux.pushSessions("api", "/w/api", "web", "/w/web");
        List<Long> published = new java.util.concurrent.CopyOnWriteArrayList<>();
        h.owner.subscribe(snapshot -> published.add(snapshot.version()));
        published.clear();

        List<RecordAgentEventUseCase.BatchOutcome> outcomes = h.agents.recordAll(List.of(
                event(AgentStatus.RUNNING, "api", null, null),
                new Command("codex", AgentStatus.WAITING, SessionName.of("web"), null, "w1", null, null, null, null,
                        null),
                event(AgentStatus.RUNNING, "ghost", "/elsewhere", null)));

        assertThat(outcomes).containsExactly(
                new RecordAgentEventUseCase.Taken(new AgentEventOutcome.Recorded(SessionName.of("api"))),
                new RecordAgentEventUseCase.Taken(new AgentEventOutcome.Recorded(SessionName.of("web"))),
                new RecordAgentEventUseCase.Taken(new AgentEventOutcome.Unresolved()));
        assertThat(published).hasSize(1);
        assertThat(h.owner.current().agents().threads()).extracting(AgentThread::threadId).containsExactlyInAnyOrder("t1", "w1");
        assertThat(h.transitions).extracting(transition -> transition.to())
                .containsExactly(AgentStatus.RUNNING, AgentStatus.WAITING);
    }

    @Test
    void aBatchThatChangesOneThreadTwicePublishesEachStatusItPassedThrough() {
        h.mux.pushSessions("api", "/w/api");
        List<AgentStatus> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
        h.owner.subscribe(snapshot -> snapshot.agents().threads().forEach(row -> seen.add(row.status())));
        seen.clear();

        List<RecordAgentEventUseCase.BatchOutcome> outcomes = h.agents.recordAll(List.of(
                at(event(AgentStatus.RUNNING, "api", null, null), Harness.T0.minusMillis(3)),
                at(event(AgentStatus.DONE, "api", null, null), Harness.T0.minusMillis(2)),
                at(event(AgentStatus.RUNNING, "api", null, null), Harness.T0.minusMillis(1))));

        assertThat(outcomes).hasSize(3).allMatch(outcome -> outcome.equals(
                new RecordAgentEventUseCase.Taken(new AgentEventOutcome.Recorded(SessionName.of("api")))));
        assertThat(seen).containsExactly(AgentStatus.RUNNING, AgentStatus.DONE, AgentStatus.RUNNING);
        assertThat(h.transitions).extracting(transition -> transition.to())
                .containsExactly(AgentStatus.RUNNING, AgentStatus.DONE, AgentStatus.RUNNING);
    }

    @Test
    void aReportOfABatchRefusedForACapLeavesTheOthersRecorded() {
        h.mux.pushSessions("api", "/w/api");
        for (int i = 0; i < RecordAgentEventService.MAX_THREADS_PER_SESSION; i++) {
            h.agents.record(thread("live-" + i, AgentStatus.WAITING, "%1"));
        }

        List<RecordAgentEventUseCase.BatchOutcome> outcomes = h.agents.recordAll(List.of(
                thread("one-more", AgentStatus.RUNNING, null),
                thread("live-3", AgentStatus.DONE, "%1")));

        assertThat(outcomes.get(0)).isInstanceOfSatisfying(RecordAgentEventUseCase.Refused.class, refused ->
                assertThat(refused.limit()).hasMessage("too many agent threads in session api (at most 64, all of them live)"));
        assertThat(outcomes.get(1)).isEqualTo(
                new RecordAgentEventUseCase.Taken(new AgentEventOutcome.Recorded(SessionName.of("api"))));
        assertThat(h.owner.current().agents().threads()).extracting(AgentThread::threadId).doesNotContain("one-more");
        assertThat(h.owner.current().agents().find(dev.opensessions.domain.agent.ThreadKey.of("codex", "live-3")))
                .map(AgentThread::status).contains(AgentStatus.DONE);
    }

    private static Command thread(String threadId, AgentStatus status, String pane) {
        return new Command("codex", status, SessionName.of("api"), null, threadId, null, null, null, null,
                pane == null ? null : PaneId.of(pane));
    }

    @Test
    void aTimeAheadOfTheServerClockIsTakenAsNowSoLaterReportsStillCount() {
        h.mux.pushSessions("api", "/w/api");
        h.agents.record(at(event(AgentStatus.RUNNING, "api", null, null), Harness.T0.plusSeconds(86_400L * 365)));
        h.clock.advance(Duration.ofMillis(10));

        h.agents.record(event(AgentStatus.DONE, "api", null, null));

        AgentThread row = h.owner.current().agents().threads().getFirst();
        assertThat(row.status()).isEqualTo(AgentStatus.DONE);
        assertThat(row.updatedAt()).isEqualTo(Harness.T0.plusMillis(10));
    }

    private static Command at(Command c, Instant ts) {
        return new Command(c.agent(), c.status(), c.tmuxSession(), c.projectDir(), c.threadId(), c.threadName(),
                c.lastUserPrompt(), ts, c.unseen(), c.paneId());
    }

    @Test
    void paneBeatsDirectoryAndName() {
        h.mux.pushSessions("api", "/w/api", "web", "/w/web");

        AgentEventOutcome outcome = h.agents.record(event(AgentStatus.RUNNING, "api", "/w/api", "%1"));

        assertThat(outcome).isEqualTo(new AgentEventOutcome.Recorded(SessionName.of("web")));
    }

    @Test
    void doneInAFocusedPaneArrivesSeenAndElsewhereUnseen() {
        h.mux.push(new Topology(List.of(session("api", "/w/api", 0), session("web", "/w/web", 1)),
                Set.of(PaneId.of("%0"))));

        h.agents.record(event(AgentStatus.DONE, null, null, "%0"));
        h.agents.record(new Command("codex", AgentStatus.DONE, null, null, null, null, null, null, null,
                PaneId.of("%1")));

        assertThat(h.owner.current().agents().unseen(SessionName.of("api"))).isFalse();
        assertThat(h.owner.current().agents().unseen(SessionName.of("web"))).isTrue();
    }

    @Test
    void statusChangesAreRecordedAsTransitionsButRepeatsAreNot() {
        h.mux.pushSessions("api", "/w/api");

        h.agents.record(event(AgentStatus.RUNNING, "api", null, null));
        h.agents.record(event(AgentStatus.RUNNING, "api", null, null));
        h.agents.record(event(AgentStatus.DONE, "api", null, null));

        assertThat(h.transitions).extracting(t -> t.from() == null ? "new" : t.from().wireName(),
                        t -> t.to().wireName())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("new", "running"),
                        org.assertj.core.groups.Tuple.tuple("running", "done"));
    }
}
