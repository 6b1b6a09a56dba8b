package dev.opensessions.domain.agent;

import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.stream.IntStream;

import static dev.opensessions.domain.agent.AgentStatus.DONE;
import static dev.opensessions.domain.agent.AgentStatus.ERROR;
import static dev.opensessions.domain.agent.AgentStatus.IDLE;
import static dev.opensessions.domain.agent.AgentStatus.RUNNING;
import static dev.opensessions.domain.agent.AgentStatus.WAITING;
import static dev.opensessions.domain.agent.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;

class AgentTrackerTest {

    private static final SessionName API = SessionName.of("api");
    private static final SessionName WEB = SessionName.of("web");
    private static final Set<PaneId> NONE = Set.of();

    private static AgentTracker apply(AgentTracker tracker, SessionName session, Events event) {
        return tracker.record(session, event.event(), NONE);
    }

    private static AgentThread only(AgentTracker tracker) {
        assertThat(tracker.threads()).hasSize(1);
        return tracker.threads().getFirst();
    }

    @Test
    void anEventOlderThanItsThreadsRowIsSupersededAndAnEqualOrLaterOneIsNot() {
        AgentTracker tracker = apply(AgentTracker.empty(), API,
                Events.of("claude-code", DONE).thread("a").at(Events.T0.plusMillis(20)));

        assertThat(tracker.supersedes(Events.of("claude-code", RUNNING).thread("a").at(Events.T0).event())).isTrue();
        assertThat(tracker.supersedes(Events.of("claude-code", RUNNING).thread("a")
                .at(Events.T0.plusMillis(20)).event())).isFalse();
        assertThat(tracker.supersedes(Events.of("claude-code", RUNNING).thread("b").at(Events.T0).event())).isFalse();
    }

    @Test
    void aLaterEventOfARowKeepsTheRowsOwnInstancesOfItsEqualNamesAndTexts() {
        // Strings built at run time, as a request's parser builds them: equal to the row's, not the same instances.
        String agent = "claude-" + "code".strip();
        AgentTracker tracker = apply(AgentTracker.empty(), SessionName.of("api"),
                Events.of(agent, RUNNING).thread("t" + 1).named("fix " + "it").prompt("go " + "on"));
        AgentThread first = only(tracker);

        tracker = apply(tracker, SessionName.of("api"),
                Events.of(new String(agent), DONE).thread("t" + 1).named(new String("fix it")).prompt("go on".strip()));
        AgentThread second = only(tracker);

        assertThat(second.status()).isEqualTo(DONE);
        assertThat(second.agent()).isSameAs(first.agent());
        assertThat(second.session()).isSameAs(first.session());
        assertThat(second.threadId()).isSameAs(first.threadId());
        assertThat(second.threadName()).isSameAs(first.threadName());
        assertThat(second.lastUserPrompt()).isSameAs(first.lastUserPrompt());

        tracker = apply(tracker, SessionName.of("web"), Events.of(agent, RUNNING).thread("t1").named("other"));
        AgentThread moved = only(tracker);
        assertThat(moved.session()).isEqualTo(SessionName.of("web"));
        assertThat(moved.threadName()).isEqualTo("other");
        assertThat(moved.lastUserPrompt()).isSameAs(first.lastUserPrompt());
    }

    @Test
    void rowsAreKeyedByAgentAndThreadId() {
        AgentTracker tracker = AgentTracker.empty();
        tracker = apply(tracker, API, Events.of("codex", RUNNING).thread("a"));
        tracker = apply(tracker, API, Events.of("codex", RUNNING).thread("b"));
        tracker = apply(tracker, API, Events.of("codex", DONE).thread("a"));
        tracker = apply(tracker, API, Events.of("amp", RUNNING));

        assertThat(tracker.threads()).extracting(t -> t.key().value())
                .containsExactlyInAnyOrder("codex:a", "codex:b", "amp");
        assertThat(tracker.find(new ThreadKey("codex:a")).orElseThrow().status()).isEqualTo(DONE);
    }

    @ParameterizedTest
    @CsvSource({
            "done,        true",
            "error,       true",
            "interrupted, true",
            "stale,       true",
            "running,     false",
            "waiting,     false",
            "idle,        false",
            "tool-running,false"})
    void terminalStatusRaisesUnseenWhenNobodyLooks(String status, boolean unseen) {
        AgentTracker tracker = apply(AgentTracker.empty(), API,
                Events.of("claude-code", AgentStatus.fromWire(status).orElseThrow()).pane("%3"));

        assertThat(only(tracker).unseen()).isEqualTo(unseen);
        assertThat(tracker.unseen(API)).isEqualTo(unseen);
    }

    @Test
    void doneEventForFocusedPaneArrivesSeen() {
        AgentTracker tracker = AgentTracker.empty()
                .record(API, Events.of("claude-code", DONE).pane("%3").event(), Set.of(PaneId.of("%3")));

        assertThat(only(tracker).unseen()).isFalse();
    }

    @Test
    void doneEventForPaneLearnedEarlierUsesThatPaneForFocus() {
        AgentTracker tracker = apply(AgentTracker.empty(), API, Events.of("pi", RUNNING).thread("t").pane("%4"));
        tracker = tracker.record(API, Events.of("pi", DONE).thread("t").event(), Set.of(PaneId.of("%4")));

        assertThat(only(tracker).unseen()).isFalse();
    }

    @Test
    void explicitUnseenWins() {
        AgentTracker seenDone = apply(AgentTracker.empty(), API, Events.of("amp", DONE).unseen(false));
        AgentTracker unseenRunning = apply(AgentTracker.empty(), API, Events.of("amp", RUNNING).unseen(true));

        assertThat(only(seenDone).unseen()).isFalse();
        assertThat(only(unseenRunning).unseen()).isTrue();
    }

    @Test
    void newWorkClearsUnseen() {
        AgentTracker tracker = apply(AgentTracker.empty(), API, Events.of("amp", DONE));
        tracker = apply(tracker, API, Events.of("amp", RUNNING).at(T0.plusSeconds(1)));

        assertThat(only(tracker).unseen()).isFalse();
    }

    @Test
    void missingFieldsAreCarriedOverFromThePreviousRow() {
        AgentTracker tracker = apply(AgentTracker.empty(), API,
                Events.of("codex", RUNNING).thread("t").named("Fix login").prompt("fix it").pane("%7"));
        tracker = apply(tracker, API, Events.of("codex", DONE).thread("t").at(T0.plusSeconds(5)));

        AgentThread row = only(tracker);
        assertThat(row.threadName()).isEqualTo("Fix login");
        assertThat(row.lastUserPrompt()).isEqualTo("fix it");
        assertThat(row.paneId()).isEqualTo(PaneId.of("%7"));
        assertThat(row.liveness()).isEqualTo(Liveness.ALIVE);
        assertThat(row.status()).isEqualTo(DONE);
        assertThat(row.updatedAt()).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void rowWithoutPaneHasUnknownLiveness() {
        assertThat(only(apply(AgentTracker.empty(), API, Events.of("amp", RUNNING))).liveness())
                .isEqualTo(Liveness.UNKNOWN);
    }

    @Test
    void provisionalRowMergesIntoTheThreadedRowWithTheSameName() {
        AgentTracker tracker = apply(AgentTracker.empty(), API, Events.of("amp", RUNNING).named("Refactor").prompt("go"));
        tracker = apply(tracker, API, Events.of("amp", RUNNING).thread("T-1").named("Refactor").at(T0.plusSeconds(1)));

        AgentThread row = only(tracker);
        assertThat(row.key().value()).isEqualTo("amp:T-1");
        assertThat(row.lastUserPrompt()).isEqualTo("go");
    }

    @Test
    void laterProvisionalEventUpdatesTheThreadedRowWithTheSameName() {
        AgentTracker tracker = apply(AgentTracker.empty(), API, Events.of("amp", RUNNING).thread("T-1").named("Refactor"));
        tracker = apply(tracker, API, Events.of("amp", DONE).named("Refactor").at(T0.plusSeconds(1)));

        AgentThread row = only(tracker);
        assertThat(row.key().value()).isEqualTo("amp:T-1");
        assertThat(row.status()).isEqualTo(DONE);
    }

    @Test
    void sameNameOfAnotherAgentIsNotMerged() {
        AgentTracker tracker = apply(AgentTracker.empty(), API, Events.of("amp", RUNNING).named("Refactor"));
        tracker = apply(tracker, API, Events.of("codex", RUNNING).thread("x").named("Refactor"));

        assertThat(tracker.threads()).hasSize(2);
    }

    @Test
    void aThreadReportedInAnotherSessionMovesThere() {
        AgentTracker tracker = apply(AgentTracker.empty(), API, Events.of("codex", RUNNING).thread("t"));
        tracker = apply(tracker, WEB, Events.of("codex", RUNNING).thread("t").at(T0.plusSeconds(1)));

        assertThat(only(tracker).session()).isEqualTo(WEB);
        assertThat(tracker.visible(API, NONE)).isEmpty();
    }

    @Test
    void aMovedThreadKeepsTheOldSessionsActivityAndIsFoundInItsNewSession() {
        AgentTracker tracker = apply(AgentTracker.empty(), API, Events.of("codex", RUNNING).thread("t"));
        tracker = apply(tracker, WEB, Events.of("codex", DONE).thread("t").at(T0.plusSeconds(1)));

        assertThat(tracker.sessions()).containsOnlyKeys(API, WEB);
        assertThat(tracker.sessions().get(API).threads()).isEmpty();
        assertThat(tracker.eventTimestamps(API)).containsExactly(T0);
        assertThat(tracker.eventTimestamps(WEB)).containsExactly(T0.plusSeconds(1));
        assertThat(tracker.find(ThreadKey.of("codex", "t"))).map(AgentThread::session).contains(WEB);
    }

    @Test
    void aRowIsFoundWhicheverSessionIsLookedInFirst() {
        AgentTracker tracker = apply(AgentTracker.empty(), API, Events.of("codex", RUNNING).thread("t"));
        tracker = apply(tracker, WEB, Events.of("codex", WAITING).thread("u"));

        assertThat(tracker.find(ThreadKey.of("codex", "t"), API)).map(AgentThread::session).contains(API);
        assertThat(tracker.find(ThreadKey.of("codex", "t"), WEB)).map(AgentThread::session).contains(API);
        assertThat(tracker.find(ThreadKey.of("codex", "t"), SessionName.of("none"))).map(AgentThread::session)
                .contains(API);
        assertThat(tracker.find(ThreadKey.of("codex", "gone"), API)).isEmpty();
    }

    @Test
    void interleavedEventsOfManyThreadsLeaveEachOnItsLastEvent() {
        AgentStatus[] cycle = {RUNNING, WAITING, DONE, ERROR, IDLE};
        SessionName[] sessions = IntStream.range(0, 7).mapToObj(i -> SessionName.of("s" + i))
                .toArray(SessionName[]::new);
        AgentTracker tracker = AgentTracker.empty();
        for (int round = 0; round < 5; round++) {
            for (int t = 0; t < 40; t++) {
                Events event = Events.of("load", cycle[(round + t) % cycle.length]).thread("t" + t)
                        .at(T0.plusSeconds(round * 40L + t));
                tracker = apply(tracker, sessions[(t + round) % sessions.length], event);
            }
        }

        assertThat(tracker.threads()).hasSize(40);
        for (int t = 0; t < 40; t++) {
            AgentThread row = tracker.find(ThreadKey.of("load", "t" + t)).orElseThrow();
            assertThat(row.status()).isEqualTo(cycle[(4 + t) % cycle.length]);
            assertThat(row.session()).isEqualTo(sessions[(t + 4) % sessions.length]);
            assertThat(row.updatedAt()).isEqualTo(T0.plusSeconds(160L + t));
        }
        assertThat(tracker.nextExpiry()).isEqualTo(tracker.threads().stream()
                .map(row -> row.status().isWorking() ? row.updatedAt().plus(AgentTracker.STUCK_RUNNING)
                        : row.status().isTerminal() ? row.updatedAt().plus(AgentTracker.UNSEEN_TERMINAL) : null)
                .filter(java.util.Objects::nonNull).min(Instant::compareTo));
    }

    @Test
    void eventTimestampsKeepTheLastThirty() {
        AgentTracker tracker = AgentTracker.empty();
        for (int i = 0; i < 45; i++) {
            tracker = apply(tracker, API, Events.of("amp", RUNNING).at(T0.plusSeconds(i)));
        }

        assertThat(tracker.eventTimestamps(API)).hasSize(30)
                .startsWith(T0.plusSeconds(15)).endsWith(T0.plusSeconds(44));
    }

    @Test
    void exitedRowsAreHiddenUnlessUnseen() {
        AgentTracker tracker = apply(AgentTracker.empty(), API, Events.of("amp", RUNNING).thread("a").pane("%1"));
        tracker = apply(tracker, API, Events.of("amp", DONE).thread("b").pane("%2"));
        tracker = tracker.panesPresent(Set.of());

        assertThat(tracker.threads()).allMatch(t -> t.liveness() == Liveness.EXITED);
        assertThat(tracker.visible(API, NONE)).extracting(t -> t.key().value()).containsExactly("amp:b");

        tracker = tracker.panesPresent(Set.of(PaneId.of("%1")));
        assertThat(tracker.visible(API, NONE)).extracting(t -> t.key().value())
                .containsExactlyInAnyOrder("amp:a", "amp:b");
    }

    @Test
    void visibleRowsPutTheFocusedPaneFirstThenNewest() {
        AgentTracker tracker = apply(AgentTracker.empty(), API, Events.of("a", RUNNING).pane("%1").at(T0));
        tracker = apply(tracker, API, Events.of("b", RUNNING).pane("%2").at(T0.plusSeconds(2)));
        tracker = apply(tracker, API, Events.of("c", RUNNING).pane("%3").at(T0.plusSeconds(1)));

        assertThat(tracker.visible(API, Set.of(PaneId.of("%1")))).extracting(AgentThread::agent)
                .containsExactly("a", "b", "c");
        assertThat(tracker.visible(API, NONE)).extracting(AgentThread::agent).containsExactly("b", "c", "a");
    }

    @ParameterizedTest
    @CsvSource({
            // first row, second row, expected headline agent (second row is newer)
            "running,      done,         first",
            "tool-running, running,      first",
            "error,        running,      second",
            "waiting,      done,         first",
            "done,         idle,         first",
            "stale,        interrupted,  first",
            "done,         done,         second"})
    void headlineFollowsTrackerPriorityThenRecency(String first, String second, String expected) {
        AgentTracker tracker = apply(AgentTracker.empty(), API,
                Events.of("first", AgentStatus.fromWire(first).orElseThrow()));
        tracker = apply(tracker, API,
                Events.of("second", AgentStatus.fromWire(second).orElseThrow()).at(T0.plusSeconds(1)));

        assertThat(tracker.headline(API, NONE).orElseThrow().agent()).isEqualTo(expected);
    }

    @Test
    void headlinePrefersTheFocusedPane() {
        AgentTracker tracker = apply(AgentTracker.empty(), API, Events.of("idle-one", IDLE).pane("%1"));
        tracker = apply(tracker, API, Events.of("busy", RUNNING).pane("%2"));

        assertThat(tracker.headline(API, Set.of(PaneId.of("%1"))).orElseThrow().agent()).isEqualTo("idle-one");
    }

    @Test
    void attentionIsTheMostUrgentVisibleSignal() {
        AgentTracker tracker = apply(AgentTracker.empty(), API, Events.of("a", RUNNING));
        tracker = apply(tracker, API, Events.of("b", WAITING));

        assertThat(tracker.attention(API)).contains(Attention.WAITING);
        assertThat(tracker.attention(WEB)).isEmpty();
    }

    @Test
    void runningRowsArePrunedAfterThreeMinutesWithoutUpdate() {
        AgentTracker tracker = apply(AgentTracker.empty(), API, Events.of("a", RUNNING));

        assertThat(tracker.nextExpiry()).contains(T0.plus(Duration.ofMinutes(3)));
        assertThat(tracker.prune(T0.plus(Duration.ofMinutes(3)).minusMillis(1)).threads()).hasSize(1);
        assertThat(tracker.prune(T0.plus(Duration.ofMinutes(3))).threads()).isEmpty();
    }

    @Test
    void seenFinishedRowsGoAfterFiveMinutesUnseenAfterFifteen() {
        AgentTracker tracker = apply(AgentTracker.empty(), API, Events.of("seen", DONE).unseen(false));
        tracker = apply(tracker, API, Events.of("unseen", ERROR));

        assertThat(tracker.prune(T0.plus(Duration.ofMinutes(5))).threads()).extracting(AgentThread::agent)
                .containsExactly("unseen");
        assertThat(tracker.prune(T0.plus(Duration.ofMinutes(15))).threads()).isEmpty();
    }

    @Test
    void nextExpiryIsTheEarliestOverEveryLifetime() {
        AgentTracker tracker = apply(AgentTracker.empty(), API, Events.of("seen", DONE).unseen(false));
        tracker = apply(tracker, WEB, Events.of("run", RUNNING).at(T0.plusSeconds(60)));
        assertThat(tracker.nextExpiry()).contains(T0.plus(Duration.ofMinutes(4)));

        tracker = apply(tracker, WEB, Events.of("unseen", ERROR).at(T0.minus(Duration.ofMinutes(12))));
        assertThat(tracker.nextExpiry()).contains(T0.plus(Duration.ofMinutes(3)));

        tracker = apply(tracker, API, Events.of("old-run", RUNNING).at(T0.minus(Duration.ofMinutes(1))));
        assertThat(tracker.nextExpiry()).contains(T0.plus(Duration.ofMinutes(2)));
    }

    @Test
    void waitingAndIdleRowsNeverExpire() {
        AgentTracker tracker = apply(AgentTracker.empty(), API, Events.of("a", WAITING));
        tracker = apply(tracker, API, Events.of("b", IDLE));

        assertThat(tracker.nextExpiry()).isEmpty();
        assertThat(tracker.prune(T0.plus(Duration.ofDays(1)))).isSameAs(tracker);
    }

    @Test
    void markAgentSeenClearsOnlyThatRow() {
        AgentTracker tracker = apply(AgentTracker.empty(), API, Events.of("a", DONE));
        tracker = apply(tracker, API, Events.of("b", DONE));

        tracker = tracker.markAgentSeen(API, new ThreadKey("a"));

        assertThat(tracker.threads()).filteredOn(AgentThread::unseen).extracting(AgentThread::agent)
                .containsExactly("b");
    }

    @Test
    void markPaneSeenClearsRowsInThatPane() {
        AgentTracker tracker = apply(AgentTracker.empty(), API, Events.of("a", DONE).pane("%1"));
        tracker = apply(tracker, WEB, Events.of("b", DONE).pane("%2"));

        tracker = tracker.markPaneSeen(PaneId.of("%1"));

        assertThat(tracker.unseen(API)).isFalse();
        assertThat(tracker.unseen(WEB)).isTrue();
    }

    @Test
    void focusingASessionClearsItsMarkerOnlyWithExactlyOneUnseenAgent() {
        AgentTracker one = apply(AgentTracker.empty(), API, Events.of("a", DONE));
        AgentTracker two = apply(one, API, Events.of("b", ERROR));

        assertThat(one.focusSession(API).unseen(API)).isFalse();
        assertThat(two.focusSession(API).unseen(API)).isTrue();
        assertThat(two.markSessionSeen(API).unseen(API)).isFalse();
    }

    @Test
    void dismissRemovesTheRow() {
        AgentTracker tracker = apply(AgentTracker.empty(), API, Events.of("a", DONE));

        assertThat(tracker.dismiss(API, new ThreadKey("a")).threads()).isEmpty();
    }

    @Test
    void renamingASessionMovesItsRowsAndActivity() {
        AgentTracker tracker = apply(AgentTracker.empty(), API, Events.of("a", DONE));

        AgentTracker renamed = tracker.renameSession(API, WEB);

        assertThat(only(renamed).session()).isEqualTo(WEB);
        assertThat(renamed.eventTimestamps(WEB)).containsExactly(T0);
        assertThat(renamed.unseen(WEB)).isTrue();
    }

    @Test
    void rebuildingFromStoredRowsGivesTheSameRows() {
        AgentTracker tracker = IntStream.range(0, 5).boxed().reduce(AgentTracker.empty(),
                (t, i) -> apply(t, i % 2 == 0 ? API : WEB, Events.of("a", DONE).thread("t" + i)), (a, b) -> b);

        assertThat(AgentTracker.of(tracker.threads()).threads()).containsExactlyInAnyOrderElementsOf(tracker.threads());
    }

    @Test
    void operationsThatChangeNothingReturnTheSameTracker() {
        AgentTracker tracker = apply(AgentTracker.empty(), API, Events.of("a", RUNNING));
        Instant early = T0.plusSeconds(1);

        assertThat(tracker.markPaneSeen(PaneId.of("%9"))).isSameAs(tracker);
        assertThat(tracker.prune(early)).isSameAs(tracker);
    }

    @Test
    void aRunningRowWhoseProcessLivesIsNeverStuckAndExpiresOnceItIsGone() {
        AgentTracker tracker = apply(AgentTracker.empty(), API, Events.of("claude-code", RUNNING).thread("a").at(T0));

        assertThat(tracker.nextExpiry(row -> true)).isEmpty();
        assertThat(tracker.prune(T0.plus(Duration.ofHours(1)), row -> true).threads()).hasSize(1);
        assertThat(tracker.nextExpiry(row -> false)).contains(T0.plus(Duration.ofMinutes(3)));
        assertThat(tracker.prune(T0.plus(Duration.ofMinutes(3)), row -> false).threads()).isEmpty();
    }
}
