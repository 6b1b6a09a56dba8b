package dev.opensessions.application.service;

import dev.opensessions.application.state.Change;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.application.state.Subscription;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Prunes stuck and old agent rows exactly when the next one expires: one timer armed for the earliest
 * expiry, none at all while no row can expire.
 */
public final class AgentPruneService implements AutoCloseable {

    private static final long RETRY_MILLIS = 1000;

    private final StateOwner owner;
    private final ScheduledExecutorService scheduler;
    private Subscription subscription;
    private Instant armedFor;
    private ScheduledFuture<?> timer;

    public AgentPruneService(StateOwner owner, ScheduledExecutorService scheduler) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
    }

    public void start() {
        subscription = owner.subscribe(snapshot -> rearm(snapshot, 0));
    }

    /** The instant the armed timer fires for, if one is armed. */
    public synchronized Optional<Instant> armedFor() {
        return Optional.ofNullable(armedFor);
    }

    /** Prunes now, with the owner's clock; also what the timer runs. */
    public void pruneNow() {
        owner.apply(state -> Change.of(state.withAgents(state.agents().prune(owner.clock().instant())), null));
    }

    private synchronized void rearm(StateSnapshot snapshot, long minDelayMillis) {
        Optional<Instant> next = snapshot.agents().nextExpiry();
        if (next.isPresent() && next.get().equals(armedFor)) {
            return;
        }
        if (timer != null) {
            timer.cancel(false);
            timer = null;
        }
        armedFor = next.orElse(null);
        if (armedFor != null) {
            // Rounded up, so the timer never fires before the row has really expired.
            long delay = Duration.between(owner.clock().instant(), armedFor).toMillis() + 1;
            delay = Math.max(minDelayMillis, delay);
            timer = scheduler.schedule(this::fire, delay, TimeUnit.MILLISECONDS);
        }
    }

    private void fire() {
        synchronized (this) {
            armedFor = null;
            timer = null;
        }
        long before = owner.current().version();
        pruneNow();
        StateSnapshot after = owner.current();
        // A clock that has not reached the expiry (it moved backwards) must not make this spin.
        rearm(after, after.version() == before ? RETRY_MILLIS : 0);
    }

    @Override
    public synchronized void close() {
        if (subscription != null) {
            subscription.close();
        }
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
