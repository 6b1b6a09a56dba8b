package dev.opensessions.application.service;

import dev.opensessions.application.port.out.AgentProcessReader;
import dev.opensessions.application.state.Change;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.application.state.Subscription;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.AgentTracker;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * Prunes stuck and old agent rows exactly when the next one expires: one timer armed for the earliest
 * expiry, none at all while no row can expire. A running row whose agent process lives is not stuck.
 */
public final class AgentPruneService implements AutoCloseable {

    private static final long RETRY_MILLIS = 1000;
    /**
     * How long after a state change the rows are scanned for the next expiry. The scan reads every row, so
     * it runs on the scheduler and once for all the changes of this interval, never once per agent event
     * on the thread that applied it (ADR 7); a prune is then at most this late.
     */
    static final long CHECK_DELAY_MILLIS = 100;

    private final StateOwner owner;
    private final ScheduledExecutorService scheduler;
    private final AgentLiveness liveness;
    private final Predicate<AgentThread> processLives;
    private Subscription subscription;
    private Instant armedFor;
    private AgentTracker seenAgents;
    private ScheduledFuture<?> timer;
    private final AtomicBoolean checkPending = new AtomicBoolean();
    private volatile boolean closed;

    /** A prune service that knows of no agent process. */
    public AgentPruneService(StateOwner owner, ScheduledExecutorService scheduler) {
        this(owner, scheduler, new AgentLiveness(AgentProcessReader.none(), owner, owner.clock(), Set.of()));
    }

    /**
     * @param liveness which agent processes live; its last reading is asked about running rows (never read
     *                 under the state's lock), and it is read again right before a timer prunes
     */
    public AgentPruneService(StateOwner owner, ScheduledExecutorService scheduler, AgentLiveness liveness) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.liveness = Objects.requireNonNull(liveness, "liveness");
        this.processLives = liveness::lives;
    }

    /** Agent processes came or went: the next expiry is worked out again, as after a state change. */
    public void processesChanged() {
        synchronized (this) {
            seenAgents = null;
        }
        changed();
    }

    public void start() {
        subscription = owner.subscribe(snapshot -> changed());
    }

    /** The instant the armed timer fires for, if one is armed, after any scan still pending. */
    public synchronized Optional<Instant> armedFor() {
        check();
        return Optional.ofNullable(armedFor);
    }

    /** Prunes now, with the owner's clock; also what the timer runs. */
    public void pruneNow() {
        owner.apply(state -> Change.of(state.withAgents(state.agents().prune(owner.clock().instant(), processLives)),
                null));
    }

    /** Runs on the state owner's thread after every change: costs a flag test while a scan is pending. */
    private void changed() {
        if (checkPending.compareAndSet(false, true)) {
            try {
                scheduler.schedule(this::check, CHECK_DELAY_MILLIS, TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException stopping) {
                checkPending.set(false);
            }
        }
    }

    private void check() {
        if (checkPending.compareAndSet(true, false) && !closed) {
            rearm(owner.current(), 0);
        }
    }

    private synchronized void rearm(StateSnapshot snapshot, long minDelayMillis) {
        if (closed || snapshot.agents() == seenAgents) {
            return;
        }
        seenAgents = snapshot.agents();
        Optional<Instant> next = snapshot.agents().nextExpiry(processLives);
        // A timer that fires no later than needed stays armed: an event moves its row's expiry later, and
        // re-arming after every event cost a cancel and a schedule each. Fired early, it prunes nothing and
        // arms again.
        if (armedFor != null && (next.isEmpty() || !next.get().isBefore(armedFor))) {
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
        Instant due;
        synchronized (this) {
            due = armedFor;
            armedFor = null;
            timer = null;
            seenAgents = null;
        }
        long before = owner.current().version();
        if (owner.current().agents().threads().stream().anyMatch(row -> row.status().isWorking())) {
            // A running row may be pruned as stuck only when its process is known gone right now.
            liveness.current();
        }
        pruneNow();
        StateSnapshot after = owner.current();
        // A clock that has not reached the expiry (it moved backwards) must not make this spin.
        boolean early = due != null && owner.clock().instant().isBefore(due);
        rearm(after, after.version() == before && early ? RETRY_MILLIS : 0);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (subscription != null) {
            subscription.close();
        }
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
