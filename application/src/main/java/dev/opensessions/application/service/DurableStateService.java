package dev.opensessions.application.service;

import dev.opensessions.application.port.in.ReadAgentHistoryUseCase;
import dev.opensessions.application.port.out.AgentThreadStore;
import dev.opensessions.application.port.out.MetadataStore;
import dev.opensessions.application.port.out.SessionOrderStore;
import dev.opensessions.application.port.out.StatusHistoryStore;
import dev.opensessions.application.port.out.StoreException;
import dev.opensessions.application.state.ServerState;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.application.state.Subscription;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.AgentTracker;
import dev.opensessions.domain.agent.StatusTransition;
import dev.opensessions.domain.agent.ThreadKey;
import dev.opensessions.domain.metadata.SessionMetadata;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.SessionOrder;
import dev.opensessions.domain.session.Topology;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes the durable parts of the state (order, metadata, agent rows, status history) behind the hot
 * path: one writer thread stores the difference between the last written snapshot and the newest one.
 * A failing store is logged once and the server carries on in memory.
 */
public final class DurableStateService implements TransitionRecorder, ReadAgentHistoryUseCase, AutoCloseable {

    /** Transitions waiting to be written beyond this are dropped rather than grow memory. */
    static final int MAX_PENDING_TRANSITIONS = 10_000;
    /**
     * At most one write per this interval: under a stream of agent events each write then carries many
     * changes (latest row wins), rather than one SQLite transaction per event taking a core of its own.
     */
    static final long WRITE_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    private static final System.Logger LOG = System.getLogger(DurableStateService.class.getName());

    private final SessionOrderStore orders;
    private final MetadataStore metadata;
    private final AgentThreadStore threads;
    private final StatusHistoryStore history;
    private final ScheduledExecutorService writer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "opensessions-store-writer");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<StateSnapshot> pending = new AtomicReference<>();
    private final AtomicBoolean armed = new AtomicBoolean();
    private final Queue<StatusTransition> transitions = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingTransitions = new AtomicInteger();
    private final AtomicBoolean failureLogged = new AtomicBoolean();
    private StateSnapshot written;
    private volatile long lastWrite = System.nanoTime() - WRITE_INTERVAL_NANOS;
    private Subscription subscription;

    public DurableStateService(SessionOrderStore orders, MetadataStore metadata, AgentThreadStore threads,
                               StatusHistoryStore history) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.threads = Objects.requireNonNull(threads, "threads");
        this.history = Objects.requireNonNull(history, "history");
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

    @Override
    public List<StatusTransition> history(SessionName session, int limit) {
        flush();
        return read("status history", () -> history.recent(session, limit), List.of());
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
        pending.accumulateAndGet(snapshot, (old, next) -> old == null || next.version() > old.version() ? next : old);
        arm();
    }

    private void arm() {
        if (armed.compareAndSet(false, true)) {
            try {
                writer.schedule(() -> {
                    armed.set(false);
                    drain();
                }, lastWrite + WRITE_INTERVAL_NANOS - System.nanoTime(), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.RejectedExecutionException closed) {
                armed.set(false);
            }
        }
    }

    private void drain() {
        lastWrite = System.nanoTime();
        List<StatusTransition> batch = new ArrayList<>();
        StatusTransition next;
        while ((next = transitions.poll()) != null) {
            pendingTransitions.decrementAndGet();
            batch.add(next);
        }
        if (!batch.isEmpty()) {
            write("status history", () -> history.append(batch));
        }
        StateSnapshot snapshot = pending.getAndSet(null);
        if (snapshot == null || snapshot.version() <= written.version()) {
            return;
        }
        StateSnapshot before = written;
        written = snapshot;
        if (!snapshot.order().equals(before.order())) {
            write("session order", () -> orders.save(snapshot.order()));
        }
        writeMetadata(before.metadata(), snapshot.metadata());
        writeThreads(before.agents(), snapshot.agents());
    }

    private void writeMetadata(Map<SessionName, SessionMetadata> before, Map<SessionName, SessionMetadata> after) {
        after.forEach((name, value) -> {
            if (!value.equals(before.get(name))) {
                write("session metadata", () -> metadata.save(name, value));
            }
        });
        before.keySet().stream().filter(name -> !after.containsKey(name))
                .forEach(name -> write("session metadata", () -> metadata.save(name, SessionMetadata.empty())));
    }

    private void writeThreads(AgentTracker before, AgentTracker after) {
        Map<ThreadKey, AgentThread> old = new HashMap<>();
        before.threads().forEach(t -> old.put(t.key(), t));
        List<AgentThread> changed = new ArrayList<>();
        for (AgentThread thread : after.threads()) {
            if (!thread.equals(old.remove(thread.key()))) {
                changed.add(thread);
            }
        }
        if (!changed.isEmpty()) {
            write("agent threads", () -> threads.saveAll(changed));
        }
        old.keySet().forEach(key -> write("agent threads", () -> threads.delete(key)));
    }

    private void write(String what, Runnable action) {
        try {
            action.run();
        } catch (StoreException | IllegalStateException failure) {
            logOnce(what, failure);
        }
    }

    private <T> T read(String what, java.util.function.Supplier<T> action, T fallback) {
        try {
            return action.get();
        } catch (StoreException | IllegalStateException failure) {
            logOnce(what, failure);
            return fallback;
        }
    }

    private void logOnce(String what, RuntimeException failure) {
        if (failureLogged.compareAndSet(false, true)) {
            LOG.log(Level.ERROR, "state store failed (" + what + "): " + failure.getMessage()
                    + "; opensessions keeps running in memory and will not repeat this message");
        }
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.close();
        }
        flush();
        writer.shutdown();
    }
}
