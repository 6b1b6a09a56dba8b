package dev.opensessions.application.service;

import dev.opensessions.application.state.StateOwner;
import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.application.state.Subscription;
import dev.opensessions.domain.agent.AgentTracker;
import dev.opensessions.domain.agent.ThreadChange;
import dev.opensessions.domain.agent.ThreadChanges;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Turns every published snapshot into what it did to the agent rows (status changes, cleared markers), for
 * waiters, transition subscribers and the history. Runs on the state owner's thread for every snapshot, not
 * coalesced, so no change is missed; a snapshot that left the agents alone costs one comparison.
 */
public final class ThreadChangeFeed implements AutoCloseable {

    /** Receives the changes of one snapshot, taken at {@code at}; must only hand them on. */
    @FunctionalInterface
    public interface Listener {
        void onChanges(List<ThreadChange> changes, Instant at);
    }

    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Subscription subscription;
    /** Only the state owner's thread reads and writes it. */
    private AgentTracker previous;

    public ThreadChangeFeed(StateOwner owner) {
        Objects.requireNonNull(owner, "owner");
        this.subscription = owner.subscribe(this::onSnapshot);
    }

    public void listen(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    private void onSnapshot(StateSnapshot snapshot) {
        AgentTracker before = previous;
        previous = snapshot.agents();
        if (before == null || before == snapshot.agents()) {
            return;
        }
        List<ThreadChange> changes = ThreadChanges.between(before, snapshot.agents());
        if (changes.isEmpty()) {
            return;
        }
        for (Listener listener : listeners) {
            listener.onChanges(changes, snapshot.takenAt());
        }
    }

    @Override
    public void close() {
        subscription.close();
    }
}
