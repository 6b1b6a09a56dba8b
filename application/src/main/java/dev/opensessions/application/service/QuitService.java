package dev.opensessions.application.service;

import dev.opensessions.application.port.in.QuitUseCase;
import dev.opensessions.application.port.out.ServerLifecycle;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/** Moves the server from running to closing once, and asks the process to exit. */
public final class QuitService implements QuitUseCase {

    private final ServerLifecycle lifecycle;
    private final AtomicBoolean closing = new AtomicBoolean();

    public QuitService(ServerLifecycle lifecycle) {
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    }

    @Override
    public boolean quit() {
        if (!closing.compareAndSet(false, true)) {
            return false;
        }
        lifecycle.exit();
        return true;
    }

    public boolean closing() {
        return closing.get();
    }
}
