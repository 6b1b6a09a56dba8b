package dev.opensessions.domain.agent;

import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import static dev.opensessions.domain.agent.AgentStatus.DONE;
import static dev.opensessions.domain.agent.AgentStatus.ERROR;
import static dev.opensessions.domain.agent.AgentStatus.INTERRUPTED;
import static dev.opensessions.domain.agent.AgentStatus.RUNNING;
import static dev.opensessions.domain.agent.AgentStatus.WAITING;
import static dev.opensessions.domain.agent.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;

class NeedsYouTest {

    private static final SessionName API = SessionName.of("api");
    private static final SessionName WEB = SessionName.of("web");

    private static AgentTracker record(AgentTracker tracker, SessionName session, Events event) {
        return tracker.record(session, event.event(), Set.of());
    }

    private static List<String> keys(List<AgentThread> queue) {
        return queue.stream().map(t -> t.key().value()).toList();
    }

    @Test
    void waitingThreadsComeFirstOldestFirstThenUnseenEndsOldestFirst() {
        AgentTracker tracker = AgentTracker.empty();
        tracker = record(tracker, API, Events.of("codex", DONE).thread("old-done").at(T0));
        tracker = record(tracker, WEB, Events.of("codex", WAITING).thread("new-wait").at(T0.plusSeconds(30)));
        tracker = record(tracker, API, Events.of("codex", ERROR).thread("new-error").at(T0.plusSeconds(40)));
        tracker = record(tracker, API, Events.of("codex", WAITING).thread("old-wait").at(T0.plusSeconds(10)));
        tracker = record(tracker, WEB, Events.of("codex", INTERRUPTED).thread("mid-int").at(T0.plusSeconds(20)));
        tracker = record(tracker, WEB, Events.of("codex", RUNNING).thread("busy").at(T0.plusSeconds(5)));

        assertThat(keys(NeedsYou.queue(tracker.threads())))
                .containsExactly("codex:old-wait", "codex:new-wait", "codex:old-done", "codex:mid-int", "codex:new-error");
    }

    @Test
    void anEndTheUserHasSeenNeedsNobody() {
        AgentTracker tracker = record(AgentTracker.empty(), API, Events.of("codex", DONE).thread("a"));
        tracker = tracker.markAgentSeen(API, new ThreadKey("codex:a"));

        assertThat(NeedsYou.queue(tracker.threads())).isEmpty();
    }

    @Test
    void aRepeatedReportKeepsWhenTheWaitBegan() {
        AgentTracker tracker = record(AgentTracker.empty(), API, Events.of("codex", WAITING).thread("a").at(T0));
        tracker = record(tracker, API, Events.of("codex", WAITING).thread("a").at(T0.plusSeconds(50)));
        tracker = record(tracker, WEB, Events.of("codex", WAITING).thread("b").at(T0.plusSeconds(20)));

        List<AgentThread> queue = NeedsYou.queue(tracker.threads());

        assertThat(keys(queue)).containsExactly("codex:a", "codex:b");
        assertThat(NeedsYou.longestWait(queue, T0.plusSeconds(90))).contains(Duration.ofSeconds(90));
    }

    @Test
    void aNewStatusStartsANewWait() {
        AgentTracker tracker = record(AgentTracker.empty(), API, Events.of("codex", WAITING).thread("a").at(T0));
        tracker = record(tracker, API, Events.of("codex", RUNNING).thread("a").at(T0.plusSeconds(5)));
        tracker = record(tracker, API, Events.of("codex", WAITING).thread("a").at(T0.plusSeconds(9)));

        assertThat(tracker.threads().getFirst().since()).isEqualTo(T0.plusSeconds(9));
    }

    @Test
    void anExitedAgentWhoseEndWasSeenIsNotListed() {
        AgentTracker tracker = record(AgentTracker.empty(), API, Events.of("codex", WAITING).thread("a").pane("%4"));
        tracker = tracker.panesPresent(Set.of(PaneId.of("%9")));

        assertThat(NeedsYou.queue(tracker.threads())).isEmpty();
    }

    @ParameterizedTest(name = "passed {0} -> {1}")
    @CsvSource({
            "'', codex:a",
            "codex:a, codex:b",
            "codex:a codex:b, codex:c",
            "codex:b, codex:a",
            "codex:a codex:b codex:c, codex:a",
    })
    void aJumpGoesToTheFirstNotPassedAndStartsOverWhenAllWere(String passed, String expected) {
        AgentTracker tracker = AgentTracker.empty();
        tracker = record(tracker, API, Events.of("codex", WAITING).thread("a").at(T0));
        tracker = record(tracker, API, Events.of("codex", WAITING).thread("b").at(T0.plusSeconds(1)));
        tracker = record(tracker, WEB, Events.of("codex", DONE).thread("c").at(T0.plusSeconds(2)));
        Set<ThreadKey> keys = passed.isBlank() ? Set.of()
                : java.util.Arrays.stream(passed.split(" ")).map(ThreadKey::new).collect(java.util.stream.Collectors.toSet());

        assertThat(NeedsYou.next(NeedsYou.queue(tracker.threads()), keys)).map(t -> t.key().value()).contains(expected);
    }

    @Test
    void nothingToJumpToWhenNobodyNeedsYou() {
        assertThat(NeedsYou.next(List.of(), Set.of())).isEmpty();
        assertThat(NeedsYou.longestWait(List.of(), T0)).isEmpty();
    }
}
