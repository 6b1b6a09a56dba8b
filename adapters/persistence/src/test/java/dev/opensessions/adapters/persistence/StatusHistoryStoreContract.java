package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.StatusHistoryStore;
import dev.opensessions.domain.agent.StatusTransition;
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
}
