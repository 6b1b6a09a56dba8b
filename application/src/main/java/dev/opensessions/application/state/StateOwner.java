package dev.opensessions.application.state;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;

/**
 * The single owner of the server state: applies every change one at a time, in arrival order, and
 * publishes each resulting immutable snapshot to its listeners. Readers never block writers.
 */
public final class StateOwner {

    private final Clock clock;
    private final ReentrantLock writer = new ReentrantLock();
    private final List<SnapshotListener> listeners = new CopyOnWriteArrayList<>();
    private volatile StateSnapshot current;

    public StateOwner(Clock clock, ServerState initial) {
        this.clock = Objects.requireNonNull(clock, "clock");
        this.current = initial.toSnapshot(StateSnapshot.initial(clock.instant()), clock.instant());
    }

    public StateSnapshot current() {
        return current;
    }

    public Clock clock() {
        return clock;
    }

    /**
     * Applies one command to the latest state. A command that returns the same state instance changes
     * nothing and publishes nothing.
     */
    public <R> R apply(Function<ServerState, Change<R>> command) {
        writer.lock();
        try {
            StateSnapshot before = current;
            ServerState state = ServerState.of(before);
            Change<R> change = command.apply(state);
            if (change.state() != state) {
                StateSnapshot after = change.state().toSnapshot(before, clock.instant());
                current = after;
                for (SnapshotListener listener : listeners) {
                    listener.onSnapshot(after);
                }
            }
            return change.result();
        } finally {
            writer.unlock();
        }
    }

    /** Registers a listener; it first receives the current snapshot, then every new one in order. */
    public Subscription subscribe(SnapshotListener listener) {
        Objects.requireNonNull(listener, "listener");
        writer.lock();
        try {
            listeners.add(listener);
            listener.onSnapshot(current);
        } finally {
            writer.unlock();
        }
        return () -> listeners.remove(listener);
    }
}
