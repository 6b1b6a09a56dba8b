package dev.opensessions.sidebar.runtime;

import dev.opensessions.application.port.in.GetStateUseCase;
import dev.opensessions.application.port.in.WatchStateUseCase;
import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.application.state.Subscription;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** The state use cases for runtime tests: a current snapshot the test replaces, pushed to every watcher. */
final class FakeState implements GetStateUseCase, WatchStateUseCase {

    private final List<Consumer<StateSnapshot>> watchers = new CopyOnWriteArrayList<>();
    private volatile StateSnapshot current = StateSnapshot.initial(Instant.parse("2026-01-01T00:00:00Z"));

    @Override
    public StateSnapshot current() {
        return current;
    }

    @Override
    public Subscription watch(Consumer<StateSnapshot> sink) {
        watchers.add(sink);
        sink.accept(current);
        return () -> watchers.remove(sink);
    }

    /** Makes a newer snapshot current and sends it to every watcher. */
    StateSnapshot advance() {
        StateSnapshot before = current;
        current = new StateSnapshot(before.version() + 1, before.takenAt(), before.topology(), before.order(),
                before.agents(), before.metadata());
        watchers.forEach(watcher -> watcher.accept(current));
        return current;
    }

    int watcherCount() {
        return watchers.size();
    }
}
