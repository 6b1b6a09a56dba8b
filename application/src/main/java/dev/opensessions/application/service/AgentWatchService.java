package dev.opensessions.application.service;

import dev.opensessions.application.port.in.AgentEventOutcome;
import dev.opensessions.application.port.in.ExplainAgentsUseCase;
import dev.opensessions.application.port.in.LimitExceeded;
import dev.opensessions.application.port.in.RecordAgentEventUseCase;
import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.application.port.out.AgentProcessReader;
import dev.opensessions.application.port.out.AgentSink;
import dev.opensessions.application.port.out.AgentSource;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.application.state.Subscription;
import dev.opensessions.domain.agent.AgentMapping;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.AgentTruth;
import dev.opensessions.domain.agent.Evidence;
import dev.opensessions.domain.agent.ProcessLook;
import dev.opensessions.domain.agent.StatusVerdict;
import dev.opensessions.domain.agent.ThreadKey;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.Topology;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Turns what agent sources read into tracker rows: decides each thread's status with {@link AgentTruth} from
 * what the agent said (an event already in its row, a plugin's line), what it wrote and whether its process
 * lives, re-decides on one-shot timers and when the panes' programs change, maps each thread to its session,
 * records only changed fingerprints, keeps unresolved threads until a matching session appears, and explains
 * every row.
 */
public final class AgentWatchService implements AgentSink, ExplainAgentsUseCase, AutoCloseable {

    /** A timer that fires before the clock reached its instant (a clock moved by hand) retries this late. */
    private static final long RETRY_MILLIS = 1000;
    /** Threads quiet this long are forgotten: every row they made has been pruned by then. */
    private static final Duration FORGET_AFTER = Duration.ofMinutes(15);

    private final StateOwner owner;
    private final RecordAgentEventUseCase recorder;
    private final List<AgentSource> sources;
    private final ScheduledExecutorService scheduler;
    private final Clock clock;
    private final ThreadTimers timers;
    private final AgentLiveness liveness;
    private final Map<String, WatchedThread> threads = new HashMap<>();
    private final PaneAgentRows paneRows;
    private final ThreadScreens screens;
    private volatile Topology seenTopology;
    private volatile boolean anyPending;
    private volatile boolean anyOpen;
    private boolean closed;
    private Subscription subscription;

    /** A service on a machine that cannot tell which agent processes live. */
    public AgentWatchService(StateOwner owner, RecordAgentEventUseCase recorder, List<AgentSource> sources,
                             ScheduledExecutorService scheduler, Clock clock) {
        this(owner, recorder, sources, scheduler, clock,
                new AgentLiveness(AgentProcessReader.none(), owner, clock, Set.of()));
    }

    public AgentWatchService(StateOwner owner, RecordAgentEventUseCase recorder, List<AgentSource> sources,
                             ScheduledExecutorService scheduler, Clock clock, AgentLiveness liveness) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.sources = List.copyOf(sources);
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.liveness = Objects.requireNonNull(liveness, "liveness");
        this.timers = new ThreadTimers(scheduler, clock);
        this.paneRows = new PaneAgentRows(owner, recorder, clock);
        this.screens = new ThreadScreens(owner, liveness);
    }

    /**
     * Follows the topology for pending threads and the panes' programs for open ones, then starts every source
     * with this service as its sink.
     */
    public void start() {
        subscription = owner.subscribe(this::onSnapshot);
        liveness.onChange(this::processesChanged);
        sources.forEach(source -> source.start(this));
    }

    @Override
    public synchronized void observed(AgentObservation observation) {
        Objects.requireNonNull(observation, "observation");
        if (closed) {
            return;
        }
        String key = WatchedThread.key(observation);
        WatchedThread previous = threads.get(key);
        forgetQuiet();
        evaluate(key, observation, previous);
        if (previous == null) {
            paneRows.reconcile(screens.all(), this::hasThread);
        }
    }

    /**
     * What the agent panes show changed: threads whose files say they are open are decided again with it, and
     * the agents no source speaks for get, change or lose their pane rows.
     */
    public void screensChanged(Map<PaneId, PaneScreen> shown) {
        screens.set(shown);
        try {
            scheduler.execute(this::rereadScreens);
        } catch (RejectedExecutionException stopping) {
            // The server is shutting down.
        }
    }

    private synchronized void rereadScreens() {
        if (closed) {
            return;
        }
        reevaluateOpen();
        paneRows.reconcile(screens.all(), this::hasThread);
    }

    private boolean hasThread(PaneScreen screen) {
        return screens.spokenFor(screen, threads.values());
    }

    @Override
    public List<AgentExplanation> explain(Optional<SessionName> session) {
        List<WatchedThread> watched;
        List<AgentExplanation> panes;
        synchronized (this) {
            watched = List.copyOf(threads.values());
            panes = paneRows.explain();
        }
        return AgentExplanations.of(owner.current(), watched, panes, session);
    }

    /** The instant a thread's timer is armed for, if one is. */
    public synchronized Optional<Instant> armedFor(String agent, String threadId) {
        return timers.armedFor(WatchedThread.key(agent, threadId));
    }

    private void evaluate(String key, AgentObservation observation, WatchedThread previous) {
        timers.cancel(key);
        Instant now = clock.instant();
        AgentMapping mapping = AgentMapping.of(owner.current().topology(), observation.paneId(),
                observation.projectDir(), observation.reported() == null ? null : observation.reported().tmuxSession());
        Instant recordedAt = previous == null ? null : previous.recordedAt();
        AgentTruth.Said pushed = pushed(observation, recordedAt);
        AgentTruth.Said said = observation.reported() != null
                ? new AgentTruth.Said(observation.status(), observation.lastActivity(), "plugin") : pushed;
        AgentTruth.Written written = observation.reported() != null ? null
                : new AgentTruth.Written(observation.status(), observation.lastActivity(), observation.endsInToolCall());
        ProcessLook look = written != null && AgentTruth.open(written.status())
                ? liveness.current().lookFor(observation.agent(), observation.paneId(), mapping.session(),
                observation.projectDir())
                : ProcessLook.unknown();
        AgentTruth.Shown shown = written != null && AgentTruth.open(written.status())
                ? screens.shown(observation, look) : null;
        StatusVerdict verdict = AgentTruth.decide(said, written, shown, look, now);
        boolean standing = pushed != null && verdict.evidence() == Evidence.HOOK && said == pushed;
        WatchedThread thread = new WatchedThread(observation, verdict, mapping,
                previous == null ? null : previous.emitted(), recordedAt, standing);
        threads.put(key, thread.needsRecording() ? record(thread) : thread);
        verdict.recheck().ifPresent(at -> timers.arm(key, at, 0, () -> fire(key, observation, at)));
        anyPending = threads.values().stream().anyMatch(WatchedThread::pending);
        anyOpen = threads.values().stream().anyMatch(WatchedThread::openInFile);
    }

    /**
     * What an event posted to the API said of this thread, when its row was last changed by such an event
     * rather than by this service: the row is newer than the file and than anything this service recorded.
     */
    private AgentTruth.Said pushed(AgentObservation observation, Instant recordedAt) {
        return owner.current().agents().find(ThreadKey.of(observation.agent(), observation.threadId()))
                .filter(row -> row.updatedAt().isAfter(observation.lastActivity()))
                .filter(row -> recordedAt == null || row.updatedAt().isAfter(recordedAt))
                .map(row -> new AgentTruth.Said(row.status(), row.updatedAt(), "an event"))
                .orElse(null);
    }

    /** Through the same path as pushed events, so unseen rules, canonicalization and persistence apply. */
    private WatchedThread record(WatchedThread thread) {
        AgentObservation o = thread.observation();
        Boolean unseen = o.reported() == null ? null : o.reported().unseen();
        AgentEventOutcome outcome;
        try {
            outcome = recorder.record(new RecordAgentEventUseCase.Command(o.agent(), thread.shown(),
                    thread.mapping().session(), o.projectDir(), o.threadId(), o.threadName(), o.lastUserPrompt(),
                    o.lastActivity(), unseen, o.paneId()));
        } catch (LimitExceeded full) {
            // Every thread of the session is live: this one is recorded with its next change, if room is made.
            return thread;
        }
        Instant at = owner.current().agents().find(thread.trackerKey()).map(AgentThread::updatedAt)
                .orElse(o.lastActivity());
        return switch (outcome) {
            case AgentEventOutcome.Recorded recorded -> thread.recorded(recorded.session(), at);
            // A pushed report newer than the file's last entry already stands; the file has nothing newer.
            case AgentEventOutcome.Superseded superseded -> thread.recorded(superseded.session(),
                    thread.recordedAt());
            case AgentEventOutcome.Unresolved unresolved -> thread.unresolved();
        };
    }

    /**
     * The panes' programs changed, or a reading found other processes: threads whose files say they are open
     * are decided again (also those already called stale, whose agent may be back).
     */
    private void processesChanged() {
        if (anyOpen) {
            try {
                scheduler.execute(this::reevaluateOpen);
            } catch (RejectedExecutionException stopping) {
                // The server is shutting down.
            }
        }
    }

    private synchronized void reevaluateOpen() {
        if (closed) {
            return;
        }
        for (Map.Entry<String, WatchedThread> entry : List.copyOf(threads.entrySet())) {
            if (entry.getValue().openInFile()) {
                evaluate(entry.getKey(), entry.getValue().observation(), entry.getValue());
            }
        }
    }

    private synchronized void fire(String key, AgentObservation observation, Instant at) {
        WatchedThread current = threads.get(key);
        if (closed || current == null || current.observation() != observation) {
            return;
        }
        timers.fired(key);
        if (clock.instant().isBefore(at)) {
            timers.arm(key, at, RETRY_MILLIS, () -> fire(key, observation, at));
        } else {
            evaluate(key, observation, current);
        }
    }

    /** Runs on the owner's thread: it only hands the work on, and only when sessions changed. */
    private void onSnapshot(StateSnapshot snapshot) {
        Topology topology = snapshot.topology();
        if (topology == seenTopology) {
            return;
        }
        Topology before = seenTopology;
        // Kept even when equal: the next snapshot then passes the identity test above instead of comparing
        // every session and pane again (an agent event keeps the topology instance it found).
        seenTopology = topology;
        if (topology.equals(before)) {
            return;
        }
        // Agent panes whose session was not known yet get their rows once it is.
        if (anyPending || !screens.all().isEmpty()) {
            try {
                scheduler.execute(this::retryPending);
            } catch (RejectedExecutionException stopping) {
                // The server is shutting down; nothing is left to resolve.
            }
        }
    }

    private synchronized void retryPending() {
        if (closed) {
            return;
        }
        for (Map.Entry<String, WatchedThread> entry : List.copyOf(threads.entrySet())) {
            if (entry.getValue().pending()) {
                evaluate(entry.getKey(), entry.getValue().observation(), entry.getValue());
            }
        }
        paneRows.reconcile(screens.all(), this::hasThread);
    }

    private void forgetQuiet() {
        Instant horizon = clock.instant().minus(FORGET_AFTER);
        threads.entrySet().removeIf(e -> e.getValue().observation().lastActivity().isBefore(horizon)
                && !timers.armed(e.getKey()));
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            timers.cancelAll();
            if (subscription != null) {
                subscription.close();
            }
        }
        // Outside the lock: a source may be waiting in observed() while it is asked to stop.
        RuntimeException failure = null;
        for (AgentSource source : sources) {
            try {
                source.close();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
