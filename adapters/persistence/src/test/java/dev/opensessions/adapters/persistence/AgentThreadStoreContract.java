package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.AgentThreadStore;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.Liveness;
import dev.opensessions.domain.agent.ThreadKey;
import dev.opensessions.domain.session.PaneId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.opensessions.adapters.persistence.Samples.T0;
import static dev.opensessions.adapters.persistence.Samples.bareThread;
import static dev.opensessions.adapters.persistence.Samples.fullThread;
import static dev.opensessions.adapters.persistence.Samples.name;
import static org.assertj.core.api.Assertions.assertThat;

/** What every AgentThreadStore must do; extended once per implementation. */
abstract class AgentThreadStoreContract {

    /** A fresh, empty store. */
    protected abstract AgentThreadStore store();

    @Test
    void freshStoreLoadsNothing() {
        assertThat(store().loadAll()).isEmpty();
    }

    @Test
    void everyFieldRoundTripsIncludingNulls() {
        AgentThreadStore store = store();

        store.save(fullThread());
        store.save(bareThread());

        assertThat(store.loadAll()).containsExactlyInAnyOrder(fullThread(), bareThread());
    }

    @Test
    void everyStatusAndLivenessRoundTrips() {
        AgentThreadStore store = store();
        List<AgentThread> threads = new ArrayList<>();
        for (AgentStatus status : AgentStatus.values()) {
            for (Liveness liveness : Liveness.values()) {
                threads.add(new AgentThread("amp", name("s"), status, T0, status + "-" + liveness, null, null,
                        status.isTerminal(), PaneId.of("%" + status.ordinal()), liveness, null));
            }
        }

        threads.forEach(store::save);

        assertThat(store.loadAll()).containsExactlyInAnyOrderElementsOf(threads);
    }

    @Test
    void savingSeveralAtOnceKeepsEachAndTheLastOfAKey() {
        AgentThreadStore store = store();
        store.save(bareThread());
        AgentThread replaced = fullThread().withUnseen(!fullThread().unseen());

        store.saveAll(List.of(fullThread(), bareThread().withUnseen(true), replaced));

        assertThat(store.loadAll()).containsExactlyInAnyOrder(replaced, bareThread().withUnseen(true));
    }

    @Test
    void savingNothingAtOnceChangesNothing() {
        AgentThreadStore store = store();
        store.save(fullThread());

        store.saveAll(List.of());

        assertThat(store.loadAll()).containsExactly(fullThread());
    }

    @Test
    void savingTheSameKeyReplacesTheRow() {
        AgentThreadStore store = store();
        store.save(fullThread());

        AgentThread seen = fullThread().withUnseen(false).withLiveness(Liveness.EXITED);
        store.save(seen);

        assertThat(store.loadAll()).containsExactly(seen);
    }

    @Test
    void deleteRemovesOnlyThatThread() {
        AgentThreadStore store = store();
        store.save(fullThread());
        store.save(bareThread());

        store.delete(fullThread().key());
        store.delete(new ThreadKey("never-stored"));

        assertThat(store.loadAll()).containsExactly(bareThread());
    }
}
