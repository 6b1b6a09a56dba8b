package dev.opensessions.server;

import dev.opensessions.application.port.in.WatchStateUseCase;
import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.application.state.Subscription;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Counts who displays the state (WebSocket clients now, sidebars later) and says when the first one
 * arrives and the last one leaves, so costly facts such as listening ports are gathered only then.
 */
final class DisplayCountingWatch implements WatchStateUseCase {

    private final WatchStateUseCase delegate;
    private final Consumer<Boolean> displayed;
    private int watchers;

    DisplayCountingWatch(WatchStateUseCase delegate, Consumer<Boolean> displayed) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.displayed = Objects.requireNonNull(displayed, "displayed");
    }

    @Override
    public Subscription watch(Consumer<StateSnapshot> sink) {
        change(+1);
        Subscription subscription;
        try {
            subscription = delegate.watch(sink);
        } catch (RuntimeException failure) {
            change(-1);
            throw failure;
        }
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                subscription.close();
                change(-1);
            }
        };
    }

    synchronized int watchers() {
        return watchers;
    }

    private synchronized void change(int delta) {
        int before = watchers;
        watchers += delta;
        if (before == 0 && watchers > 0) {
            displayed.accept(true);
        } else if (before > 0 && watchers == 0) {
            displayed.accept(false);
        }
    }
}
