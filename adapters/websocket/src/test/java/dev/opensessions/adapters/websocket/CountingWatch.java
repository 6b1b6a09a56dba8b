package dev.opensessions.adapters.websocket;

import dev.opensessions.application.port.in.WatchStateUseCase;
import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.application.state.Subscription;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/** The real watch, counting the subscriptions that are open so a test can see one being closed. */
final class CountingWatch implements WatchStateUseCase {

    private final WatchStateUseCase delegate;
    private final AtomicInteger open = new AtomicInteger();

    CountingWatch(WatchStateUseCase delegate) {
        this.delegate = delegate;
    }

    @Override
    public Subscription watch(Consumer<StateSnapshot> sink) {
        Subscription subscription = delegate.watch(sink);
        open.incrementAndGet();
        AtomicBoolean closed = new AtomicBoolean();
        return () -> {
            if (closed.compareAndSet(false, true)) {
                subscription.close();
                open.decrementAndGet();
            }
        };
    }

    int open() {
        return open.get();
    }
}
