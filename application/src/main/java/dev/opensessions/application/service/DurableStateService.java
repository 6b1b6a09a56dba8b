package dev.opensessions.application.service;

import dev.opensessions.application.port.in.CommitOutcome;
import dev.opensessions.application.port.in.CommitWritesUseCase;
import dev.opensessions.application.port.in.ReadAgentHistoryUseCase;
import dev.opensessions.application.port.out.AgentThreadStore;
import dev.opensessions.application.port.out.MetadataStore;
import dev.opensessions.application.port.out.SessionOrderStore;
import dev.opensessions.application.port.out.StatusHistoryStore;
import dev.opensessions.application.port.out.StoreException;
import dev.opensessions.application.port.out.StoreFullException;
import dev.opensessions.application.port.out.StoreTransactions;
import dev.opensessions.application.state.ServerState;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.application.state.Subscription;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.AgentTracker;
import dev.opensessions.domain.agent.SeenMark;
import dev.opensessions.domain.agent.StatusTransition;
import dev.opensessions.domain.agent.ThreadChange;
import dev.opensessions.domain.agent.ThreadKey;
import dev.opensessions.domain.metadata.SessionMetadata;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.SessionOrder;
import dev.opensessions.domain.session.Topology;

import java.lang.System.Logger.Level;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Writes the durable parts of the state (order, metadata, agent rows, status history, seen marks) behind the hot
 * path, by group commit: one writer thread stores the difference between the last committed snapshot
 * and the newest one in one transaction, so every change made meanwhile by any number of callers shares
 * one commit. A caller acknowledges a write only once {@link #committed()} says it is committed.
 *
 * <p>A store that fails (a full disk) keeps nothing half-written: the transaction rolls back, the failed
 * changes stay pending in memory, new writes are refused ({@link #refusal()}) rather than acknowledged,
 * and the writer tries again every {@link #RETRY_MILLIS} ms until the store takes them; then it logs that
 * it recovered. Each failure period is logged once.
 */
public final class DurableStateService
        implements TransitionRecorder, ReadAgentHistoryUseCase, CommitWritesUseCase, AutoCloseable {

    /** Transitions waiting to be written beyond this are dropped rather than grow memory. */
    static final int MAX_PENDING_TRANSITIONS = 10_000;
    /** How long a failing store rests before the writer tries the pending changes again. */
    static final long RETRY_MILLIS = 1_000;

    private static final System.Logger LOG = System.getLogger(DurableStateService.class.getName());
    private static final CommitOutcome COMMITTED = new CommitOutcome.Committed();

    private final SessionOrderStore orders;
    private final MetadataStore metadata;
    private final AgentThreadStore threads;
    private final StatusHistoryStore history;
    private final StoreTransactions transactions;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "opensessions-store-writer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<StateSnapshot> pending = new AtomicReference<>();
    private final AtomicBoolean armed = new AtomicBoolean();
    private final Queue<StatusTransition> transitions = new ConcurrentLinkedQueue<>();
    private final Queue<SeenMark> seen = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingTransitions = new AtomicInteger();
    /**
     * What every caller waiting for a commit gets: completed by the next run of the writer that starts after the
     * caller took it, which writes every change applied before. One future per commit, not one per caller.
     */
    private final AtomicReference<CompletableFuture<CommitOutcome>> nextCommit =
            new AtomicReference<>(new CompletableFuture<>());
    /** Transitions of a failed transaction, written first by the next one; only the writer thread uses it. */
    private final List<StatusTransition> unwritten = new ArrayList<>();
    private final List<SeenMark> unwrittenSeen = new ArrayList<>();
    private volatile StateSnapshot written;
    private volatile long appliedVersion = -1;
    private volatile CommitOutcome.NotStored failing;
    private final AtomicBoolean readFailureLogged = new AtomicBoolean();
    private Subscription subscription;

    public DurableStateService(SessionOrderStore orders, MetadataStore metadata, AgentThreadStore threads,
                               StatusHistoryStore history) {
        this(orders, metadata, threads, history, StoreTransactions.NONE);
    }

    public DurableStateService(SessionOrderStore orders, MetadataStore metadata, AgentThreadStore threads,
                               StatusHistoryStore history, StoreTransactions transactions) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.threads = Objects.requireNonNull(threads, "threads");
        this.history = Objects.requireNonNull(history, "history");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /** The state the stores hold, to start the server from; empty parts where a store fails. */
    public ServerState restore() {
        SessionOrder order = read("session order", orders::load, SessionOrder.empty());
        Map<SessionName, SessionMetadata> pushed = read("session metadata", metadata::loadAll, Map.of());
        List<AgentThread> rows = read("agent threads", threads::loadAll, List.of());
        return new ServerState(Topology.empty(), order, AgentTracker.of(rows), pushed);
    }

    /** Starts writing every change made after this call; the owner's current state counts as written. */
    public void start(StateOwner owner) {
        written = owner.current();
        subscription = owner.subscribe(this::offer);
    }

    @Override
    public void record(StatusTransition transition) {
        if (pendingTransitions.incrementAndGet() > MAX_PENDING_TRANSITIONS) {
            pendingTransitions.decrementAndGet();
            return;
        }
        transitions.add(transition);
        arm();
    }

    /**
     * Notes, off the hot path like a transition, the user looking at a finished thread (its marker cleared with
     * its status unchanged); called with the changes of each snapshot, on the state owner's thread.
     */
    public void recordLooks(List<ThreadChange> changes, Instant at) {
        for (ThreadChange change : changes) {
            if (change.markerCleared()) {
                if (pendingTransitions.incrementAndGet() > MAX_PENDING_TRANSITIONS) {
                    pendingTransitions.decrementAndGet();
                    return;
                }
                seen.add(new SeenMark(change.after().session(), change.after().key(), at));
                arm();
            }
        }
    }

    /** The history from {@code since} on, everything recorded so far included. */
    public WaitHistory historySince(Instant since) {
        return readHistory(() -> history.transitionsSince(since), () -> history.seenSince(since));
    }

    /** The history of one session only, from {@code since}: what its wait figures are computed from. */
    public WaitHistory historySince(Instant since, SessionName session) {
        return readHistory(() -> history.transitionsSince(since, session), () -> history.seenSince(since, session));
    }

    private WaitHistory readHistory(Supplier<List<StatusTransition>> transitions, Supplier<List<SeenMark>> seen) {
        flush();
        return new WaitHistory(read("status history", transitions, List.of()), read("status history", seen, List.of()));
    }

    /** What the wait statistics are computed from. */
    public record WaitHistory(List<StatusTransition> transitions, List<SeenMark> seen) {
    }

    @Override
    public List<StatusTransition> history(SessionName session, int limit) {
        flush();
        return read("status history", () -> history.recent(session, limit), List.of());
    }

    @Override
    public Optional<CommitOutcome.NotStored> refusal() {
        return Optional.ofNullable(failing);
    }

    @Override
    public CompletionStage<CommitOutcome> committed() {
        StateSnapshot done = written;
        long version = appliedVersion;
        if (done == null || version <= done.version()) {
            return CompletableFuture.completedFuture(COMMITTED);
        }
        // The writer runs that take this future after this call: each takes it before it reads what is pending, so it
        // either writes this caller's change or runs after the run that does.
        CompletableFuture<CommitOutcome> waiter = nextCommit.get();
        arm();
        return waiter;
    }

    /** Waits until everything offered so far is written (or failed), at most a few seconds. */
    public void flush() {
        CountDownLatch done = new CountDownLatch(1);
        try {
            writer.execute(() -> {
                drain();
                done.countDown();
            });
            done.await(5, TimeUnit.SECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // Closed: nothing more will be written.
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void offer(StateSnapshot snapshot) {
        if (written == null || snapshot.version() <= written.version()) {
            return;
        }
        appliedVersion = snapshot.version();
        pending.accumulateAndGet(snapshot, DurableStateService::newer);
        arm();
    }

    private static StateSnapshot newer(StateSnapshot old, StateSnapshot next) {
        return old == null || next.version() > old.version() ? next : old;
    }

    /** Runs the writer as soon as it is free; a failing store is tried again only after a rest. */
    private void arm() {
        if (armed.compareAndSet(false, true)) {
            try {
                writer.schedule(() -> {
                    armed.set(false);
                    drain();
                }, failing == null ? 0 : RETRY_MILLIS, TimeUnit.MILLISECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                armed.set(false);
            }
        }
    }

    private void drain() {
        CompletableFuture<CommitOutcome> waiting = nextCommit.getAndSet(new CompletableFuture<>());
        List<StatusTransition> batch = new ArrayList<>(unwritten);
        unwritten.clear();
        StatusTransition next;
        while ((next = transitions.poll()) != null) {
            pendingTransitions.decrementAndGet();
            batch.add(next);
        }
        List<SeenMark> looks = new ArrayList<>(unwrittenSeen);
        unwrittenSeen.clear();
        SeenMark look;
        while ((look = seen.poll()) != null) {
            pendingTransitions.decrementAndGet();
            looks.add(look);
        }
        StateSnapshot snapshot = pending.getAndSet(null);
        StateSnapshot before = written;
        boolean newState = snapshot != null && snapshot.version() > before.version();
        if (batch.isEmpty() && looks.isEmpty() && !newState) {
            // Nothing pending: what its callers applied was committed by an earlier run (a failed one keeps its changes
            // pending, so this run would have found them).
            waiting.complete(COMMITTED);
            return;
        }
        try {
            transactions.inOneTransaction(() -> {
                if (!batch.isEmpty()) {
                    history.append(batch);
                }
                if (!looks.isEmpty()) {
                    history.appendSeen(looks);
                }
                if (newState) {
                    writeState(before, snapshot);
                }
            });
        } catch (StoreException | IllegalStateException failure) {
            unwrittenSeen.addAll(looks.subList(Math.max(0, looks.size() - MAX_PENDING_TRANSITIONS), looks.size()));
            failed(batch, newState ? snapshot : null, failure, waiting);
            return;
        }
        if (newState) {
            written = snapshot;
        }
        recovered();
        waiting.complete(COMMITTED);
    }

    private void writeState(StateSnapshot before, StateSnapshot snapshot) {
        if (!snapshot.order().equals(before.order())) {
            orders.save(snapshot.order());
        }
        writeMetadata(before.metadata(), snapshot.metadata());
        writeThreads(before.agents(), snapshot.agents());
    }

    /** Keeps the failed changes for the next try, answers their waiters, and rests before trying again. */
    private void failed(List<StatusTransition> batch, StateSnapshot snapshot, RuntimeException failure,
                        CompletableFuture<CommitOutcome> waiting) {
        unwritten.addAll(batch.subList(Math.max(0, batch.size() - MAX_PENDING_TRANSITIONS), batch.size()));
        if (snapshot != null) {
            pending.accumulateAndGet(snapshot, DurableStateService::newer);
        }
        CommitOutcome.NotStored outcome = new CommitOutcome.NotStored(failure instanceof StoreFullException,
                failure.getMessage());
        if (failing == null) {
            LOG.log(Level.ERROR, "state store failed: " + failure.getMessage() + "; changes are kept in memory,"
                    + " writes are refused, and the store is tried again every " + RETRY_MILLIS + " ms");
        }
        failing = outcome;
        // Its callers, and those of changes applied since, which stay pending too.
        waiting.complete(outcome);
        nextCommit.getAndSet(new CompletableFuture<>()).complete(outcome);
        arm();
    }

    private void recovered() {
        if (failing != null) {
            failing = null;
            LOG.log(Level.WARNING, "state store writable again; every pending change is written");
        }
    }

    private void writeMetadata(Map<SessionName, SessionMetadata> before, Map<SessionName, SessionMetadata> after) {
        if (before == after) {
            // An agent event leaves the metadata as it was: the same map.
            return;
        }
        after.forEach((name, value) -> {
            if (!value.equals(before.get(name))) {
                metadata.save(name, value);
            }
        });
        before.keySet().stream().filter(name -> !after.containsKey(name))
                .forEach(name -> metadata.save(name, SessionMetadata.empty()));
    }

    /**
     * Stores the rows that differ between the two trackers: only the rows that are not the same instance in both are
     * looked at (the trackers share every session and row an event did not change, see
     * {@link AgentTracker#forEachChangedRow}), so a commit costs what changed since the last one, not a walk of every
     * row; a row equal to the stored one is not saved again. A row that moved between sessions is gone from one and
     * added to the other: saved under its new session, not deleted.
     */
    private void writeThreads(AgentTracker before, AgentTracker after) {
        if (before == after) {
            return;
        }
        List<AgentThread> changed = new ArrayList<>();
        List<ThreadKey> savedKeys = new ArrayList<>();
        List<ThreadKey> gone = new ArrayList<>(0);
        after.forEachChangedRow(before, (key, was, row) -> {
            if (row == null) {
                gone.add(key);
            } else if (!row.equals(was)) {
                changed.add(row);
                savedKeys.add(key);
            }
        });
        if (!gone.isEmpty() && !savedKeys.isEmpty()) {
            gone.removeAll(new HashSet<>(savedKeys));
        }
        if (!changed.isEmpty()) {
            threads.saveAll(changed);
        }
        gone.forEach(threads::delete);
    }

    private <T> T read(String what, Supplier<T> action, T fallback) {
        try {
            return action.get();
        } catch (StoreException | IllegalStateException failure) {
            if (readFailureLogged.compareAndSet(false, true)) {
                LOG.log(Level.ERROR, "state store failed (" + what + "): " + failure.getMessage()
                        + "; opensessions goes on without what it could not read and will not repeat this message");
            }
            return fallback;
        }
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
        flush();
        writer.shutdown();
        // Whoever still waits is owed an answer; what was not written by now is not stored.
        nextCommit.get().complete(new CommitOutcome.NotStored(false, "the server is stopping"));
    }
}
