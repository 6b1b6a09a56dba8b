package dev.opensessions.application.testkit;

import dev.opensessions.application.port.out.ServerLifecycle;

import java.util.concurrent.atomic.AtomicInteger;

/** Counts exit requests instead of exiting. */
public final class FakeServerLifecycle implements ServerLifecycle {

    private final AtomicInteger exits = new AtomicInteger();

    @Override
    public void exit() {
        exits.incrementAndGet();
    }

    public int exits() {
        return exits.get();
    }
}
