package dev.opensessions.application.service;

import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.session.SessionName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static dev.opensessions.application.service.WatchRig.thread;
import static dev.opensessions.application.testkit.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

class AgentWatchServiceTest {

    private static final Instant T0 = Harness.T0;

    private final WatchRig rig = new WatchRig();

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void startStartsEverySourceAndCloseClosesIt() {
        assertThat(rig.claude.started()).isTrue();

        rig.watch.close();

        assertThat(rig.claude.closed()).isTrue();
    }

    @Test
    void aFreshRunningThreadIsRecordedAsRunningWithItsLastActivityAsTime() {
        rig.h.mux.pushSessions("api", "/w/api");

        rig.claude.report(thread("t1", AgentStatus.RUNNING, "/w/api", null, T0.minusMillis(500), false, "fix it"));

        assertThat(rig.statusOf("t1")).isEqualTo(AgentStatus.RUNNING);
        assertThat(rig.row("t1").orElseThrow().updatedAt()).isEqualTo(T0.minusMillis(500));
        assertThat(rig.row("t1").orElseThrow().lastUserPrompt()).isEqualTo("fix it");
        assertThat(rig.recorded).singleElement().satisfies(c -> assertThat(c.ts()).isEqualTo(T0.minusMillis(500)));
    }

    @Test
    void aToolCallQuietForThreeSecondsAlreadyWaitsAndWithoutAProcessOneQuietForAMinuteIsStale() {
        rig.h.mux.pushSessions("api", "/w/api");

        rig.claude.report(thread("w", AgentStatus.RUNNING, "/w/api", null, T0.minusSeconds(4), true, "p"));
        rig.claude.report(thread("s", AgentStatus.WAITING, "/w/api", null, T0.minusSeconds(60), false, "p"));
        rig.claude.report(thread("r", AgentStatus.RUNNING, "/w/api", null, T0.minusSeconds(20), false, "p"));

        assertThat(rig.statusOf("w")).isEqualTo(AgentStatus.WAITING);
        assertThat(rig.statusOf("s")).isEqualTo(AgentStatus.STALE);
        assertThat(rig.statusOf("r")).as("quiet 20 s is no sign of an ended agent").isEqualTo(AgentStatus.RUNNING);
        assertThat(rig.watch.armedFor("claude-code", "w")).contains(T0.minusSeconds(4).plusSeconds(60));
        assertThat(rig.watch.armedFor("claude-code", "s")).isEmpty();
    }

    @Test
    void anOpenThreadWhoseProcessLivesKeepsItsStatusHoweverQuietAndReadsLivenessEveryHalfMinute() {
        rig.h.mux.pushSessions("api", "/w/api");
        rig.processes.set(WatchRig.claudeIn("%1", "/w/api"));

        rig.claude.report(thread("q", AgentStatus.WAITING, "/w/api", null, T0.minusSeconds(600), false, "p"));
        rig.claude.report(thread("t", AgentStatus.TOOL_RUNNING, "/w/api", null, T0.minusSeconds(600), false, "p"));

        assertThat(rig.statusOf("q")).isEqualTo(AgentStatus.WAITING);
        assertThat(rig.statusOf("t")).isEqualTo(AgentStatus.TOOL_RUNNING);
        assertThat(rig.watch.armedFor("claude-code", "q")).contains(T0.plusSeconds(30));
        assertThat(rig.processes.readings()).as("one reading serves both threads").isEqualTo(1);
    }

    @Test
    void aProcessThatEndsTurnsItsQuietOpenThreadStaleAtTheNextPaneChange() {
        rig.h.mux.pushSessions("api", "/w/api");
        rig.processes.set(WatchRig.claudeIn("%1", "/w/api"));
        rig.claude.report(thread("q", AgentStatus.WAITING, "/w/api", null, T0.minusSeconds(120), false, "p"));
        assertThat(rig.statusOf("q")).isEqualTo(AgentStatus.WAITING);

        rig.processes.change();

        rig.awaitStatus("q", AgentStatus.STALE);
        assertThat(rig.row("q").orElseThrow().unseen()).isTrue();
    }

    @Test
    void aThreadCalledStaleComesBackWhenItsAgentProcessDoes() throws Exception {
        rig.h.mux.pushSessions("api", "/w/api");
        rig.claude.report(thread("q", AgentStatus.WAITING, "/w/api", null, T0.minusSeconds(120), false, "p"));
        assertThat(rig.statusOf("q")).isEqualTo(AgentStatus.STALE);

        rig.processes.change(WatchRig.claudeIn("%99", "/w/api/sub"));
        rig.drainScheduler(100);
        assertThat(rig.statusOf("q")).as("a process below the project is not its agent").isEqualTo(AgentStatus.STALE);
        rig.processes.change(WatchRig.claudeIn("%99", "/w"));

        rig.awaitStatus("q", AgentStatus.WAITING);
    }

    @Test
    void anEventNewerThanTheFileStandsAndIsNotOverwrittenByTheFile() {
        rig.h.mux.pushSessions("api", "/w/api");
        rig.claude.report(thread("t1", AgentStatus.RUNNING, "/w/api", null, T0.minusSeconds(10), false, "p"));
        rig.h.agents.record(new dev.opensessions.application.port.in.RecordAgentEventUseCase.Command("claude-code",
                AgentStatus.WAITING, null, "/w/api", "t1", null, null, T0.minusSeconds(5), null, null));

        rig.claude.report(thread("t1", AgentStatus.RUNNING, "/w/api", null, T0.minusSeconds(10), false, "q"));

        assertThat(rig.statusOf("t1")).isEqualTo(AgentStatus.WAITING);
        assertThat(rig.watch.explain(java.util.Optional.empty())).singleElement()
                .satisfies(row -> assertThat(row.decidedBy()).isEqualTo("hook"));
        rig.claude.report(thread("t1", AgentStatus.RUNNING, "/w/api", null, T0, false, "q"));
        assertThat(rig.statusOf("t1")).as("a newer entry speaks again").isEqualTo(AgentStatus.RUNNING);
    }

    @Test
    void noProcessIsReadForAFinishedThread() {
        rig.h.mux.pushSessions("api", "/w/api");

        rig.claude.report(thread("d", AgentStatus.DONE, "/w/api", null, T0, false, "p"));
        rig.processes.change();

        assertThat(rig.processes.readings()).isZero();
    }

    @Test
    void aReportedStatusIsTakenAsSaidWithoutHeuristicsAndCarriesItsUnseenOverride() {
        rig.h.mux.pushSessions("api", "/w/api");
        AgentObservation read = thread("t1", AgentStatus.RUNNING, "/w/api", null, T0.minusSeconds(20), true, "p");

        rig.claude.report(reported(read, AgentStatus.RUNNING, null, null));
        assertThat(rig.statusOf("t1")).isEqualTo(AgentStatus.RUNNING);
        assertThat(rig.watch.armedFor("claude-code", "t1")).isEmpty();

        rig.claude.report(reported(read, AgentStatus.DONE, null, false));
        assertThat(rig.statusOf("t1")).isEqualTo(AgentStatus.DONE);
        assertThat(rig.row("t1").orElseThrow().unseen()).isFalse();
    }

    @Test
    void aReportedSessionNameMapsOnlyWhenThePaneAndDirectoryDoNot() {
        rig.h.mux.pushSessions("api", "/w/api", "web", "/w/web");

        rig.claude.report(reported(thread("t1", AgentStatus.RUNNING, "/elsewhere", null, T0, false, "p"),
                AgentStatus.RUNNING, SessionName.of("web"), null));
        rig.claude.report(reported(thread("t2", AgentStatus.RUNNING, "/w/api", null, T0, false, "p"),
                AgentStatus.RUNNING, SessionName.of("web"), null));
        rig.claude.report(reported(thread("t3", AgentStatus.RUNNING, null, null, T0, false, "p"),
                AgentStatus.RUNNING, SessionName.of("gone"), null));

        assertThat(rig.row("t1").orElseThrow().session()).isEqualTo(SessionName.of("web"));
        assertThat(rig.row("t2").orElseThrow().session()).isEqualTo(SessionName.of("api"));
        assertThat(rig.row("t3")).isEmpty();
    }

    private static AgentObservation reported(AgentObservation o, AgentStatus status, SessionName session,
                                             Boolean unseen) {
        return new AgentObservation(o.agent(), o.threadId(), status, o.threadName(), o.lastUserPrompt(),
                o.projectDir(), o.paneId(), o.lastActivity(), o.endsInToolCall(), o.origin(), o.evidence(),
                new AgentObservation.Reported(session, unseen));
    }

    @Test
    void aNewerObservationCancelsTheTimerOfTheOlderOne() throws Exception {
        rig.h.mux.pushSessions("api", "/w/api");
        rig.claude.report(thread("t1", AgentStatus.RUNNING, "/w/api", null, T0.minusMillis(2_900), true, "p"));

        rig.claude.report(thread("t1", AgentStatus.DONE, "/w/api", null, T0, false, "p"));
        rig.h.clock.advance(Duration.ofSeconds(20));
        rig.drainScheduler(300);

        assertThat(rig.watch.armedFor("claude-code", "t1")).isEmpty();
        assertThat(rig.statusOf("t1")).isEqualTo(AgentStatus.DONE);
        assertThat(rig.recorded).extracting(c -> c.status()).containsExactly(AgentStatus.RUNNING, AgentStatus.DONE);
    }

    @Test
    void aNewerRunningObservationMovesTheTimerToItsOwnDeadline() {
        rig.h.mux.pushSessions("api", "/w/api");
        rig.claude.report(thread("t1", AgentStatus.RUNNING, "/w/api", null, T0.minusSeconds(2), true, "p"));

        rig.claude.report(thread("t1", AgentStatus.RUNNING, "/w/api", null, T0, false, "next"));

        assertThat(rig.watch.armedFor("claude-code", "t1")).contains(T0.plusSeconds(60));
    }

    @Test
    void theSameFingerprintTwiceIsRecordedOnce() {
        rig.h.mux.pushSessions("api", "/w/api");

        rig.claude.report(thread("t1", AgentStatus.DONE, "/w/api", null, T0.minusSeconds(1), false, "p"));
        long version = rig.h.owner.current().version();
        rig.claude.report(thread("t1", AgentStatus.DONE, "/w/api", null, T0, false, "p"));

        assertThat(rig.recorded).hasSize(1);
        assertThat(rig.h.owner.current().version()).isEqualTo(version);
    }

    @Test
    void aNewPromptWithTheSameStatusIsRecordedAgain() {
        rig.h.mux.pushSessions("api", "/w/api");

        rig.claude.report(thread("t1", AgentStatus.RUNNING, "/w/api", null, T0, false, "first"));
        rig.claude.report(thread("t1", AgentStatus.RUNNING, "/w/api", null, T0, false, "second"));

        assertThat(rig.recorded).extracting(c -> c.lastUserPrompt()).containsExactly("first", "second");
        assertThat(rig.row("t1").orElseThrow().lastUserPrompt()).isEqualTo("second");
    }

    @Test
    void idleObservationsAreIgnoredAndArmNothing() {
        rig.h.mux.pushSessions("api", "/w/api");
        long version = rig.h.owner.current().version();

        rig.claude.report(thread("t1", AgentStatus.IDLE, "/w/api", null, T0, false, null));

        assertThat(rig.recorded).isEmpty();
        assertThat(rig.h.owner.current().version()).isEqualTo(version);
        assertThat(rig.watch.armedFor("claude-code", "t1")).isEmpty();
    }

    @Test
    void aFinishedThreadArmsNoTimer() {
        rig.h.mux.pushSessions("api", "/w/api");

        rig.claude.report(thread("t1", AgentStatus.INTERRUPTED, "/w/api", null, T0, false, "p"));

        assertThat(rig.watch.armedFor("claude-code", "t1")).isEmpty();
        assertThat(rig.statusOf("t1")).isEqualTo(AgentStatus.INTERRUPTED);
    }

    @Test
    void observationsAfterCloseAreDropped() {
        rig.h.mux.pushSessions("api", "/w/api");
        rig.watch.close();

        rig.watch.observed(thread("t1", AgentStatus.RUNNING, "/w/api", null, T0, false, "p"));

        assertThat(rig.recorded).isEmpty();
    }
}
