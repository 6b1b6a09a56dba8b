package dev.opensessions.application.service;

import dev.opensessions.application.port.in.EndPiRuntimeUseCase;
import dev.opensessions.application.port.in.RecordAgentEventUseCase;
import dev.opensessions.application.port.in.RegisterPiRuntimeUseCase;
import dev.opensessions.application.port.out.AgentSource;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.domain.agent.PiSessionEnd;
import dev.opensessions.domain.agent.ThreadKey;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The registry of live Pi processes, keyed by pid. A registration expires 15 s after its last
 * heartbeat, on a one-shot timer per process. While a Pi session has a live process, its thread takes that
 * process's pane when it reports none; when its last process ends, its row, if still running, tool-running
 * or waiting, becomes stale.
 */
public final class PiRuntimeService implements RegisterPiRuntimeUseCase, EndPiRuntimeUseCase, AutoCloseable {

    static final String AGENT = "pi";
    /** A timer that fires before the clock reached its instant (a clock moved by hand) retries this late. */
    private static final long RETRY_MILLIS = 1000;

    private final StateOwner owner;
    private final RecordAgentEventUseCase recorder;
    private final Clock clock;
    private final ThreadTimers timers;
    private final PiPaneLinks links;
    private final Map<Long, PiRuntime> byPid = new HashMap<>();
    /** The newest live process of each session; replaced whole, so readers need no lock. */
    private volatile Map<String, PiRuntime> bySession = Map.of();
    private boolean closed;

    /** {@code recorder} applies reports as they are, without the pane links this service adds. */
    public PiRuntimeService(StateOwner owner, RecordAgentEventUseCase recorder, ScheduledExecutorService scheduler,
                            Clock clock) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.timers = new ThreadTimers(Objects.requireNonNull(scheduler, "scheduler"), clock);
        this.links = new PiPaneLinks(this::runtimeOf, clock);
    }

    /** The sources, the Pi transcript source wrapped so its threads take their process's pane. */
    public List<AgentSource> linked(List<AgentSource> sources) {
        return sources.stream().map(links::linked).toList();
    }

    /** The recorder, wrapped so a pushed Pi event without a pane takes its process's pane. */
    public RecordAgentEventUseCase linked(RecordAgentEventUseCase pushed) {
        return links.linked(pushed);
    }

    @Override
    public void register(Command command) {
        Objects.requireNonNull(command, "command");
        Changes changes;
        synchronized (this) {
            if (closed) {
                return;
            }
            // A heartbeat stamped ahead of the server's clock counts as sent now; one arriving after a newer
            // one of the same process (posts can overtake each other) does not move its expiry back.
            Instant now = clock.instant();
            Instant sent = command.ts().isAfter(now) ? now : command.ts();
            PiRuntime previous = byPid.get(command.pid());
            Instant beat = previous != null && previous.beat().isAfter(sent) ? previous.beat() : sent;
            PiRuntime runtime = new PiRuntime(command, beat);
            byPid.put(command.pid(), runtime);
            armExpiry(runtime);
            changes = republish();
        }
        apply(changes);
    }

    @Override
    public void end(long pid) {
        Changes changes;
        synchronized (this) {
            timers.cancel(key(pid));
            if (closed || byPid.remove(pid) == null) {
                return;
            }
            changes = republish();
        }
        apply(changes);
    }

    /** The newest live process of a Pi session. */
    Optional<PiRuntime> runtimeOf(String sessionId) {
        return Optional.ofNullable(bySession.get(sessionId));
    }

    private void armExpiry(PiRuntime runtime) {
        Instant at = runtime.expiresAt();
        timers.arm(key(runtime.pid()), at, 0, () -> expire(runtime.pid(), at));
    }

    private void expire(long pid, Instant at) {
        Changes changes;
        synchronized (this) {
            PiRuntime current = byPid.get(pid);
            if (closed || current == null || !current.expiresAt().equals(at)) {
                return;
            }
            timers.fired(key(pid));
            if (clock.instant().isBefore(at)) {
                timers.arm(key(pid), at, RETRY_MILLIS, () -> expire(pid, at));
                return;
            }
            byPid.remove(pid);
            changes = republish();
        }
        apply(changes);
    }

    /** Rebuilds the per-session view and says which sessions lost their last process or gained a pane. */
    private Changes republish() {
        Map<String, PiRuntime> next = new HashMap<>();
        for (PiRuntime runtime : byPid.values()) {
            next.merge(runtime.sessionId(), runtime, PiRuntimeService::newer);
        }
        Map<String, PiRuntime> before = bySession;
        bySession = Map.copyOf(next);
        Set<String> ended = new HashSet<>(before.keySet());
        ended.removeAll(next.keySet());
        Set<String> newPane = new HashSet<>();
        next.forEach((session, runtime) -> {
            PiRuntime old = before.get(session);
            if (runtime.pane() != null && (old == null || !runtime.pane().equals(old.pane()))) {
                newPane.add(session);
            }
        });
        return new Changes(ended, newPane);
    }

    /** The process that beat last, the higher pid on a tie, so the choice never depends on map order. */
    private static PiRuntime newer(PiRuntime a, PiRuntime b) {
        int byBeat = a.beat().compareTo(b.beat());
        return byBeat > 0 || byBeat == 0 && a.pid() > b.pid() ? a : b;
    }

    /** Outside the lock: both steps go through the state owner and the watch service, which take their own. */
    private void apply(Changes changes) {
        changes.ended().forEach(this::ended);
        changes.newPane().forEach(links::relink);
    }

    /**
     * A session that lost its last process, unless a new one took it over meanwhile: its row goes stale as
     * {@link PiSessionEnd} says, through the recorder so the change is logged like any report.
     */
    private void ended(String sessionId) {
        if (bySession.containsKey(sessionId)) {
            return;
        }
        owner.current().agents().find(ThreadKey.of(AGENT, sessionId)).ifPresent(row ->
                PiSessionEnd.staleReport(row).ifPresent(stale -> recorder.record(new RecordAgentEventUseCase.Command(
                        stale.agent(), stale.status(), row.session(), null, stale.threadId(), null, null, stale.ts(),
                        null, null))));
    }

    private static String key(long pid) {
        return Long.toString(pid);
    }

    @Override
    public synchronized void close() {
        closed = true;
        timers.cancelAll();
    }

    /** What one registry change means for rows: sessions whose last process ended, sessions with a new pane. */
    private record Changes(Set<String> ended, Set<String> newPane) {
    }
}
