package dev.opensessions.application.service;

import dev.opensessions.application.port.in.QuitUseCase;
import dev.opensessions.application.port.out.ServerLifecycle;
import dev.opensessions.application.state.Change;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.domain.sidebar.SidebarPhase;

import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Moves the server from running to closing once: publishes the {@code CLOSING} phase, so every sidebar paints
 * {@code closing…} and every later lifecycle call is a no-op, then asks the process to exit.
 */
public final class QuitService implements QuitUseCase {

    private final StateOwner owner;
    private final ServerLifecycle lifecycle;
    private final AtomicBoolean closing = new AtomicBoolean();

    public QuitService(StateOwner owner, ServerLifecycle lifecycle) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.lifecycle = Objects.requireNonNull(lifecycle, "lifecycle");
    }

    @Override
    public boolean quit() {
        if (!closing.compareAndSet(false, true)) {
            return false;
        }
        owner.apply(state -> Change.of(
                state.withPresence(state.presence().then(state.presence().visible(), SidebarPhase.CLOSING)), null));
        lifecycle.exit();
        return true;
    }

    public boolean closing() {
        return closing.get();
    }
}
