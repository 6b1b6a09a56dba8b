package dev.opensessions.domain.agent;

import dev.opensessions.domain.session.SessionName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static dev.opensessions.domain.agent.AgentStatus.DONE;
import static dev.opensessions.domain.agent.AgentStatus.ERROR;
import static dev.opensessions.domain.agent.AgentStatus.RUNNING;
import static dev.opensessions.domain.agent.AgentStatus.STALE;
import static dev.opensessions.domain.agent.AgentStatus.TOOL_RUNNING;
import static dev.opensessions.domain.agent.AgentStatus.WAITING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WaitStatisticsTest {

    private static final SessionName API = SessionName.of("api");
    private static final SessionName WEB = SessionName.of("web");
    private static final ThreadKey CLAUDE = new ThreadKey("claude-code:t1");
    private static final ThreadKey CODEX = new ThreadKey("codex:t2");
    private static final ThreadKey PI = new ThreadKey("pi:t3");
    private static final Instant SINCE = at("10:00:00");
    private static final Instant UNTIL = at("11:00:00");

    /**
     * A recorded hour. api, claude-code: works 10 min, waits 2 min for an answer, works 8 min, finishes unseen
     * and is looked at 6 min later, works 10 min more and finishes in view (no wait). web, codex: works 10
     * min, fails unseen and is not looked at until new work 30 min later, works 5 min, then waits for an
     * answer until the end of the period (10 min). web, pi: works 1 min and goes stale (not a wait).
     */
    private static final List<StatusTransition> HOUR = List.of(
            change(API, CLAUDE, null, RUNNING, "09:30:00", false),
            change(API, CLAUDE, RUNNING, WAITING, "09:40:00", false),
            change(API, CLAUDE, null, RUNNING, "10:00:00", false),
            change(WEB, PI, null, RUNNING, "10:00:00", false),
            change(WEB, PI, RUNNING, STALE, "10:01:00", true),
            change(WEB, CODEX, null, TOOL_RUNNING, "10:05:00", false),
            change(API, CLAUDE, RUNNING, WAITING, "10:10:00", false),
            change(API, CLAUDE, WAITING, RUNNING, "10:12:00", false),
            change(WEB, CODEX, TOOL_RUNNING, ERROR, "10:15:00", true),
            change(API, CLAUDE, RUNNING, DONE, "10:20:00", true),
            change(API, CLAUDE, DONE, RUNNING, "10:30:00", false),
            change(API, CLAUDE, RUNNING, DONE, "10:40:00", false),
            change(WEB, CODEX, ERROR, RUNNING, "10:45:00", false),
            change(WEB, CODEX, RUNNING, WAITING, "10:50:00", false));
    private static final List<SeenMark> LOOKS = List.of(
            new SeenMark(API, CLAUDE, at("09:45:00")),
            new SeenMark(API, CLAUDE, at("10:26:00")));

    @Test
    void sessionFiguresFollowTheHandCountedHour() {
        WaitReport report = WaitStatistics.compute(HOUR, LOOKS, SINCE, UNTIL);

        assertThat(report.session(API)).isEqualTo(new WaitFigures(2, minutes(4), minutes(6), minutes(8), minutes(28)));
        assertThat(report.session(WEB)).isEqualTo(new WaitFigures(2, minutes(20), minutes(30), minutes(40), minutes(16)));
        assertThat(report.session(API).waitingShare()).hasValueSatisfying(s -> assertThat(s).isCloseTo(8.0 / 36, within(1e-9)));
        assertThat(report.session(WEB).waitingShare()).hasValueSatisfying(s -> assertThat(s).isCloseTo(40.0 / 56, within(1e-9)));
    }

    @Test
    void agentFiguresGatherTheirThreadsAcrossSessions() {
        WaitReport report = WaitStatistics.compute(HOUR, LOOKS, SINCE, UNTIL);

        assertThat(report.agents()).containsOnlyKeys("claude-code", "codex", "pi");
        assertThat(report.agents().get("codex")).isEqualTo(new WaitFigures(2, minutes(20), minutes(30), minutes(40), minutes(15)));
        assertThat(report.agents().get("pi")).isEqualTo(new WaitFigures(0, Duration.ZERO, Duration.ZERO, Duration.ZERO, minutes(1)));
        assertThat(report.agents().get("pi").waitingShare()).contains(0.0);
        // Waits 2, 6, 30 and 10 minutes: the median of an even count is the mean of the middle two.
        assertThat(report.total()).isEqualTo(new WaitFigures(4, minutes(8), minutes(30), minutes(48), minutes(44)));
    }

    @Test
    void aLookAtTheSameInstantAsTheChangeThatRaisedTheMarkerEndsTheWaitAtOnce() {
        List<StatusTransition> turn = List.of(
                change(API, CLAUDE, null, RUNNING, "10:00:00", false),
                change(API, CLAUDE, RUNNING, DONE, "10:05:00", true));

        WaitReport report = WaitStatistics.compute(turn, List.of(new SeenMark(API, CLAUDE, at("10:05:00"))), SINCE, UNTIL);

        assertThat(report.session(API)).isEqualTo(new WaitFigures(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, minutes(5)));
    }

    @Test
    void aLookDoesNotEndAQuestionOnlyAnAnswerDoes() {
        List<StatusTransition> question = List.of(
                change(API, CLAUDE, RUNNING, WAITING, "10:00:00", false),
                change(API, CLAUDE, WAITING, RUNNING, "10:07:00", false));

        WaitReport report = WaitStatistics.compute(question, List.of(new SeenMark(API, CLAUDE, at("10:01:00"))), SINCE, UNTIL);

        assertThat(report.session(API).longest()).isEqualTo(minutes(7));
    }

    @Test
    void anEmptyPeriodHasNoFiguresAndNoShare() {
        WaitReport report = WaitStatistics.compute(List.of(), List.of(), SINCE, UNTIL);

        assertThat(report.sessions()).isEmpty();
        assertThat(report.total()).isEqualTo(WaitFigures.NONE);
        assertThat(report.total().waitingShare()).isEmpty();
    }

    private static StatusTransition change(SessionName session, ThreadKey thread, AgentStatus from, AgentStatus to,
                                           String time, boolean unseen) {
        return new StatusTransition(session, thread, from, to, at(time), unseen);
    }

    private static Instant at(String time) {
        return Instant.parse("2026-03-01T" + time + "Z");
    }

    private static Duration minutes(long n) {
        return Duration.ofMinutes(n);
    }
}
