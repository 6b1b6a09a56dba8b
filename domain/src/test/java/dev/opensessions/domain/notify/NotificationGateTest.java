package dev.opensessions.domain.notify;

import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.StatusTransition;
import dev.opensessions.domain.agent.ThreadKey;
import dev.opensessions.domain.notify.NotificationGate.Verdict;
import dev.opensessions.domain.session.SessionName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NotificationGateTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final LocalTime NOON = LocalTime.NOON;

    private static StatusTransition change(String thread, AgentStatus from, AgentStatus to, Instant at) {
        return new StatusTransition(SessionName.of("api"), new ThreadKey(thread), from, to, at);
    }

    private static NotificationSettings settings(Set<String> agents, Set<AgentStatus> statuses,
                                                 NotificationSettings.QuietHours quiet) {
        return new NotificationSettings(true, agents, statuses, quiet, Duration.ofSeconds(30), true,
                TerminalNotification.OSC9, List.of(), Duration.ofSeconds(10));
    }

    @Test
    void theEventPathAndTheNotificationThreadMayAskAtOnce() throws Exception {
        NotificationGate gate = new NotificationGate(NotificationSettings.defaults());
        int threads = NotificationGate.REMEMBERED * 4;
        java.util.concurrent.atomic.AtomicInteger allowed = new java.util.concurrent.atomic.AtomicInteger();
        java.util.concurrent.atomic.AtomicReference<Throwable> broken = new java.util.concurrent.atomic.AtomicReference<>();
        Thread asking = Thread.ofPlatform().uncaughtExceptionHandler((thread, failure) -> broken.set(failure)).start(() -> {
            for (int round = 0; round < 20; round++) {
                for (int i = 0; i < threads; i++) {
                    if (gate.mayTell(change("codex:" + i, AgentStatus.RUNNING, AgentStatus.WAITING, T0), T0, NOON)) {
                        allowed.incrementAndGet();
                    }
                }
            }
        });
        int told = 0;
        for (int i = 0; i < threads; i++) {
            if (gate.decide("codex", change("codex:" + i, AgentStatus.RUNNING, AgentStatus.WAITING, T0), T0, NOON)
                    == Verdict.TELL) {
                told++;
            }
        }
        asking.join(java.time.Duration.ofSeconds(30));

        assertThat(asking.isAlive()).isFalse();
        assertThat(broken.get()).isNull();
        assertThat(told).isEqualTo(threads);
        // What the memory keeps after the last forgetting: the last threads told are cooling down.
        assertThat(gate.mayTell(change("codex:" + (threads - 1), AgentStatus.RUNNING, AgentStatus.DONE, T0), T0, NOON))
                .isFalse();
    }

    @Test
    void aNewWaitIsToldOnceAndTheSameTransitionNeverAgain() {
        NotificationGate gate = new NotificationGate(NotificationSettings.defaults());
        StatusTransition wait = change("codex:a", AgentStatus.RUNNING, AgentStatus.WAITING, T0);

        assertThat(gate.decide("codex", wait, T0, NOON)).isEqualTo(Verdict.TELL);
        assertThat(gate.decide("codex", wait, T0.plusSeconds(600), NOON)).isEqualTo(Verdict.REPEAT);
    }

    @Test
    void theSameThreadIsToldAgainOnlyAfterTheCooldown() {
        NotificationGate gate = new NotificationGate(NotificationSettings.defaults());

        assertThat(gate.decide("codex", change("codex:a", AgentStatus.RUNNING, AgentStatus.WAITING, T0), T0, NOON))
                .isEqualTo(Verdict.TELL);
        Instant soon = T0.plusSeconds(10);
        assertThat(gate.decide("codex", change("codex:a", AgentStatus.RUNNING, AgentStatus.DONE, soon), soon, NOON))
                .isEqualTo(Verdict.COOLING_DOWN);
        assertThat(gate.decide("codex", change("codex:b", AgentStatus.RUNNING, AgentStatus.DONE, soon), soon, NOON))
                .isEqualTo(Verdict.TELL);
        Instant later = T0.plusSeconds(31);
        assertThat(gate.decide("codex", change("codex:a", AgentStatus.RUNNING, AgentStatus.DONE, later), later, NOON))
                .isEqualTo(Verdict.TELL);
    }

    @Test
    void mayTellAnswersAsTheTimingOfDecideWithoutRememberingAnything() {
        NotificationGate gate = new NotificationGate(NotificationSettings.defaults());
        StatusTransition first = change("codex:a", AgentStatus.RUNNING, AgentStatus.WAITING, T0);
        Instant soon = T0.plusSeconds(1);
        StatusTransition second = change("codex:a", AgentStatus.RUNNING, AgentStatus.DONE, soon);

        assertThat(gate.mayTell(first, T0, NOON)).isTrue();
        assertThat(gate.mayTell(first, T0, NOON)).isTrue();
        assertThat(gate.decide("codex", first, T0, NOON)).isEqualTo(Verdict.TELL);
        assertThat(gate.mayTell(first, soon, NOON)).isFalse();
        assertThat(gate.mayTell(second, soon, NOON)).isFalse();
        assertThat(gate.decide("codex", second, soon, NOON)).isEqualTo(Verdict.COOLING_DOWN);
        assertThat(gate.mayTell(change("codex:a", AgentStatus.DONE, AgentStatus.DONE, soon), soon, NOON)).isFalse();
    }

    @Test
    void offAnAgentLeftOutOrAStatusLeftOutIsNotCovered() {
        StatusTransition done = change("amp:a", AgentStatus.RUNNING, AgentStatus.DONE, T0);

        assertThat(new NotificationGate(NotificationSettings.off()).decide("amp", done, T0, NOON))
                .isEqualTo(Verdict.NOT_COVERED);
        assertThat(new NotificationGate(settings(Set.of("codex"), NotificationSettings.NOTIFIABLE, null))
                .decide("amp", done, T0, NOON)).isEqualTo(Verdict.NOT_COVERED);
        assertThat(new NotificationGate(settings(Set.of(), Set.of(AgentStatus.WAITING), null))
                .decide("amp", done, T0, NOON)).isEqualTo(Verdict.NOT_COVERED);
        assertThat(new NotificationGate(NotificationSettings.defaults())
                .decide("amp", change("amp:a", AgentStatus.WAITING, AgentStatus.RUNNING, T0), T0, NOON))
                .isEqualTo(Verdict.NOT_COVERED);
    }

    @ParameterizedTest(name = "{0}-{1} at {2}: quiet {3}")
    @CsvSource({
            "22:00, 07:00, 23:30, true",
            "22:00, 07:00, 06:59, true",
            "22:00, 07:00, 07:00, false",
            "22:00, 07:00, 12:00, false",
            "12:00, 13:00, 12:30, true",
            "12:00, 13:00, 13:00, false",
            "09:00, 09:00, 09:00, false",
    })
    void quietHoursMayCrossMidnight(String from, String to, String at, boolean quiet) {
        NotificationSettings.QuietHours hours = new NotificationSettings.QuietHours(LocalTime.parse(from),
                LocalTime.parse(to));
        NotificationGate gate = new NotificationGate(settings(Set.of(), NotificationSettings.NOTIFIABLE, hours));

        assertThat(hours.contains(LocalTime.parse(at))).isEqualTo(quiet);
        assertThat(gate.decide("codex", change("codex:a", AgentStatus.RUNNING, AgentStatus.WAITING, T0), T0,
                LocalTime.parse(at))).isEqualTo(quiet ? Verdict.QUIET_HOURS : Verdict.TELL);
    }

    @Test
    void terminalSequencesAreWrappedForTmuxPassthroughAndCannotBeBrokenOutOf() {
        assertThat(TerminalNotification.OSC9.passthrough("opensessions", "codex in api waits"))
                .contains("\u001bPtmux;\u001b\u001b]9;opensessions: codex in api waits\u0007\u001b\\");
        assertThat(TerminalNotification.OSC777.passthrough("open;sessions", "a\u001b]0;x\u0007b"))
                .contains("\u001bPtmux;\u001b\u001b]777;notify;open,sessions;a ]0;x b\u0007\u001b\\");
        assertThat(TerminalNotification.OFF.passthrough("t", "x")).isEmpty();
        assertThat(TerminalNotification.OSC9.passthrough("t", "x".repeat(500)).orElseThrow()).hasSizeLessThan(220);
    }
}
