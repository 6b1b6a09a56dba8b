package dev.opensessions.application.service;

import dev.opensessions.application.port.in.AgentFilter;
import dev.opensessions.application.port.in.WaitForAgentUseCase;
import dev.opensessions.application.port.in.WaitOutcome;
import dev.opensessions.application.port.in.WatchTransitionsUseCase;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.application.state.Subscription;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.ThreadChange;
import dev.opensessions.domain.session.SessionName;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Open waits and transition subscribers, told by the {@link ThreadChangeFeed}. A wait is a future in a set,
 * completed by the change that makes it true or by its timer on the shared scheduler: no thread per waiter.
 * At most {@code limit} waits are open at once; more are refused at once.
 */
public final class AgentWaitService implements WaitForAgentUseCase, WatchTransitionsUseCase, AutoCloseable {

    private final StateOwner owner;
    private final ScheduledExecutorService scheduler;
    private final int limit;
    private final AtomicInteger open = new AtomicInteger();
    /**
     * Open waits by the session and thread they name, either of them possibly none (a group is dropped when its
     * last wait ends): a changed row is checked only against the waits that name its session and thread, its
     * session and any thread, any session and its thread, or neither. With 1000 waits open, one per thread, a
     * change checks one or none instead of every wait of its session (measured with bench/wait/run.sh: checking
     * the 50 waits of a session made each agent event cost about a quarter more server CPU).
     */
    private final Map<Group, Set<Waiter>> waiters = new ConcurrentHashMap<>();
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();

    public AgentWaitService(StateOwner owner, ThreadChangeFeed feed, ScheduledExecutorService scheduler, int limit) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.limit = limit;
        feed.listen(this::onChanges);
    }

    @Override
    public CompletionStage<WaitOutcome> waitFor(AgentFilter filter, Duration timeout) {
        Objects.requireNonNull(filter, "filter");
        Objects.requireNonNull(timeout, "timeout");
        if (open.incrementAndGet() > limit) {
            open.decrementAndGet();
            return CompletableFuture.completedFuture(new WaitOutcome.TooManyWaits(limit));
        }
        Waiter waiter = new Waiter(filter, new CompletableFuture<>());
        // Registered before the current state is read: a change in between is seen by one or the other.
        add(waiter);
        waiter.answer().whenComplete((outcome, failure) -> {
            if (remove(waiter)) {
                open.decrementAndGet();
            }
        });
        Optional<AgentThread> already = owner.current().agents().threads().stream().filter(filter::matches)
                .max(java.util.Comparator.comparing(AgentThread::updatedAt));
        if (already.isPresent()) {
            waiter.answer().complete(new WaitOutcome.Met(already.get()));
            return waiter.answer();
        }
        try {
            ScheduledFuture<?> timer = scheduler.schedule(() -> waiter.answer().complete(new WaitOutcome.TimedOut()),
                    Math.max(0, timeout.toMillis()), TimeUnit.MILLISECONDS);
            waiter.answer().whenComplete((outcome, failure) -> timer.cancel(false));
        } catch (RejectedExecutionException stopping) {
            waiter.answer().complete(new WaitOutcome.Stopped());
        }
        return waiter.answer();
    }

    @Override
    public Subscription watch(AgentFilter filter, Consumer<ThreadChange> sink) {
        Watcher watcher = new Watcher(Objects.requireNonNull(filter, "filter"), Objects.requireNonNull(sink, "sink"));
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    /** How many waits are open now. */
    public int openWaits() {
        return open.get();
    }

    private void onChanges(List<ThreadChange> changes, Instant at) {
        for (ThreadChange change : changes) {
            // A row that moved into a waited-for session with the status already set is news for that wait too.
            if (!change.newlyMatchable()) {
                continue;
            }
            AgentThread row = change.after();
            // Nearly every change finds no wait open: no keys are built for it then.
            if (!waiters.isEmpty()) {
                String key = row.key().value();
                for (SessionName session : new SessionName[] {row.session(), null}) {
                    complete(waiters.get(new Group(session, row.threadId())), row);
                    complete(waiters.get(new Group(session, key)), row);
                    complete(waiters.get(new Group(session, null)), row);
                }
            }
            for (Watcher watcher : watchers) {
                if (watcher.filter().matches(row)) {
                    watcher.sink().accept(change);
                }
            }
        }
    }

    private static void complete(Set<Waiter> group, AgentThread row) {
        if (group == null) {
            return;
        }
        for (Waiter waiter : group) {
            if (waiter.filter().matches(row)) {
                waiter.answer().complete(new WaitOutcome.Met(row));
            }
        }
    }

    private void add(Waiter waiter) {
        waiters.compute(Group.of(waiter.filter()), (name, group) -> {
            Set<Waiter> members = group == null ? ConcurrentHashMap.newKeySet() : group;
            members.add(waiter);
            return members;
        });
    }

    /** True when this call removed it (a wait ends once, however many ways it is completed). */
    private boolean remove(Waiter waiter) {
        boolean[] removed = new boolean[1];
        waiters.computeIfPresent(Group.of(waiter.filter()), (name, group) -> {
            removed[0] = group.remove(waiter);
            return group.isEmpty() ? null : group;
        });
        return removed[0];
    }

    /** Answers every open wait: the server is stopping. */
    @Override
    public void close() {
        waiters.values().forEach(group -> group.forEach(w -> w.answer().complete(new WaitOutcome.Stopped())));
        watchers.clear();
    }

    /**
     * The session and thread (as the filter gives it: an id or a key) a wait names, null for any. Equality and hash
     * written out: a record's are reached through method handles, slower for a lookup made for every changed row.
     */
    private static final class Group {
        private final SessionName session;
        private final String thread;

        Group(SessionName session, String thread) {
            this.session = session;
            this.thread = thread;
        }

        static Group of(AgentFilter filter) {
            return new Group(filter.session(), filter.thread());
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Group group && Objects.equals(session, group.session)
                    && Objects.equals(thread, group.thread);
        }

        @Override
        public int hashCode() {
            return 31 * Objects.hashCode(session) + Objects.hashCode(thread);
        }
    }

    private record Waiter(AgentFilter filter, CompletableFuture<WaitOutcome> answer) {
        // Identity, not value: two waits with the same filter are two waiters.
        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }

    private record Watcher(AgentFilter filter, Consumer<ThreadChange> sink) {
        @Override
        public boolean equals(Object other) {
            return this == other;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(this);
        }
    }
}
