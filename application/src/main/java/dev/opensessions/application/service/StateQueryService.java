package dev.opensessions.application.service;

import dev.opensessions.application.port.in.GetStateUseCase;
import dev.opensessions.application.port.in.WatchStateUseCase;
import dev.opensessions.application.state.CoalescingListener;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.application.state.Subscription;

import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/** Reads the current snapshot, and streams snapshots to subscribers at the 16 ms frame cadence. */
public final class StateQueryService implements GetStateUseCase, WatchStateUseCase {

    private final StateOwner owner;
    private final ScheduledExecutorService scheduler;

    public StateQueryService(StateOwner owner, ScheduledExecutorService scheduler) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    @Override
    public StateSnapshot current() {
        return owner.current();
    }

    @Override
    public Subscription watch(Consumer<StateSnapshot> sink) {
        return owner.subscribe(new CoalescingListener(scheduler, CoalescingListener.FRAME, sink));
    }
}
