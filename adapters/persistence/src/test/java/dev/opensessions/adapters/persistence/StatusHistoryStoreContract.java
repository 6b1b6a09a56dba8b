package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.StatusHistoryStore;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.SeenMark;
import dev.opensessions.domain.agent.StatusTransition;
import dev.opensessions.domain.agent.ThreadKey;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static dev.opensessions.adapters.persistence.Samples.name;
import static dev.opensessions.adapters.persistence.Samples.transition;
import static org.assertj.core.api.Assertions.assertThat;

/** What every StatusHistoryStore must do; extended once per implementation. */
abstract class StatusHistoryStoreContract {

    /** A fresh, empty store. */
    protected abstract StatusHistoryStore store();

    @Test
    void freshStoreHasNoHistory() {
        assertThat(store().recent(name("s"), 10)).isEmpty();
    }

    @Test
    void recentIsNewestFirstAndLimited() {
        StatusHistoryStore store = store();
        store.append(List.of(transition("s", 0), transition("s", 1)));
        store.append(List.of(transition("s", 2), transition("s", 3)));

        assertThat(store.recent(name("s"), 3))
                .containsExactly(transition("s", 3), transition("s", 2), transition("s", 1));
        assertThat(store.recent(name("s"), 0)).isEmpty();
    }

    @Test
    void sessionsKeepSeparateHistories() {
        StatusHistoryStore store = store();
        store.append(List.of(transition("a", 0), transition("b", 1), transition("a", 2)));

        assertThat(store.recent(name("a"), 10)).containsExactly(transition("a", 2), transition("a", 0));
        assertThat(store.recent(name("b"), 10)).containsExactly(transition("b", 1));
    }

    @Test
    void emptyBatchChangesNothing() {
        StatusHistoryStore store = store();
        store.append(List.of(transition("s", 1)));

        store.append(List.of());

        assertThat(store.recent(name("s"), 10)).containsExactly(transition("s", 1));
    }

    @Test
    void onlyTheNewestTransitionsPerSessionAreKept() {
        StatusHistoryStore store = store();
        int total = StatusHistoryStore.CAPACITY_PER_SESSION + 37;
        List<StatusTransition> all = IntStream.range(0, total).mapToObj(i -> transition("busy", i)).toList();
        for (int from = 0; from < total; from += 100) {
            store.append(all.subList(from, Math.min(total, from + 100)));
        }
        store.append(List.of(transition("quiet", 0)));

        List<StatusTransition> kept = store.recent(name("busy"), total);

        List<StatusTransition> expected = new ArrayList<>(all.subList(37, total));
        java.util.Collections.reverse(expected);
        assertThat(kept).hasSize(StatusHistoryStore.CAPACITY_PER_SESSION).isEqualTo(expected);
        assertThat(store.recent(name("quiet"), total)).containsExactly(transition("quiet", 0));
    }

    @Test
    void transitionsSinceAreOldestFirstWithTheirMarker() {
        StatusHistoryStore store = store();
        StatusTransition unseenDone = new StatusTransition(name("b"), new ThreadKey("codex:t9"), AgentStatus.RUNNING,
                AgentStatus.DONE, Samples.T0.plusMillis(5), true);
        store.append(List.of(transition("a", 1), transition("a", 2), unseenDone, transition("a", 3)));

        assertThat(store.transitionsSince(Samples.T0.plusMillis(2)))
                .containsExactly(transition("a", 2), transition("a", 3), unseenDone);
    }

    @Test
    void oneSessionsHistoryHoldsOnlyItsRowsFromAMomentOn() {
        StatusHistoryStore store = store();
        StatusTransition unseenDone = new StatusTransition(name("b"), new ThreadKey("codex:t9"), AgentStatus.RUNNING,
                AgentStatus.DONE, Samples.T0.plusMillis(5), true);
        store.append(List.of(transition("a", 1), transition("b", 2), transition("a", 3), unseenDone, transition("a", 6)));
        SeenMark lookAtA = new SeenMark(name("a"), new ThreadKey("amp:t1"), Samples.T0.plusMillis(4));
        SeenMark lookAtB = new SeenMark(name("b"), new ThreadKey("codex:t9"), Samples.T0.plusMillis(7));
        store.appendSeen(List.of(lookAtA, lookAtB));

        assertThat(store.transitionsSince(Samples.T0.plusMillis(2), name("a")))
                .containsExactly(transition("a", 3), transition("a", 6));
        assertThat(store.transitionsSince(Samples.T0, name("b"))).containsExactly(transition("b", 2), unseenDone);
        assertThat(store.transitionsSince(Samples.T0, name("c"))).isEmpty();
        assertThat(store.seenSince(Samples.T0, name("b"))).containsExactly(lookAtB);
        assertThat(store.seenSince(Samples.T0.plusMillis(5), name("a"))).isEmpty();
    }

    @Test
    void seenMarksAreKeptFromAMomentOnAndBoundedPerSession() {
        StatusHistoryStore store = store();
        int total = StatusHistoryStore.CAPACITY_PER_SESSION + 3;
        List<SeenMark> marks = IntStream.range(0, total)
                .mapToObj(i -> new SeenMark(name("s"), new ThreadKey("amp:t" + i), Samples.T0.plusMillis(i))).toList();
        store.appendSeen(marks.subList(0, 10));
        store.appendSeen(marks.subList(10, total));
        store.appendSeen(List.of());

        assertThat(store.seenSince(Samples.T0)).isEqualTo(marks.subList(3, total));
        assertThat(store.seenSince(Samples.T0.plusMillis(total - 2))).isEqualTo(marks.subList(total - 2, total));
    }
}
