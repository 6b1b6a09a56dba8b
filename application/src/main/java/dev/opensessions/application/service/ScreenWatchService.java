package dev.opensessions.application.service;

import dev.opensessions.application.port.out.AgentProcessReader;
import dev.opensessions.application.port.out.AgentProcessReader.RunningAgent;
import dev.opensessions.application.port.out.MultiplexerException;
import dev.opensessions.application.port.out.PaneActivity;
import dev.opensessions.application.port.out.PaneScreens;
import dev.opensessions.domain.agent.screen.ScreenReader;
import dev.opensessions.domain.agent.screen.ScreenRule;
import dev.opensessions.domain.session.PaneId;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps what the panes holding an agent with a screen rule show. Which panes hold one comes from their process
 * trees, read when the panes' programs change; only those panes are watched for output and captured, each
 * with its agent's rule and only the bottom lines the rule reads. A pane is read when its agent appears, when
 * the multiplexer reports output in it (unless it was read less than {@link #POLL} ago: at once, or
 * {@link #SETTLE} later where every output is reported as it happens), and then
 * every {@link #POLL} while it keeps printing: for one more read after its last report where every output is
 * reported as it happens ({@link PaneActivity#exact}), for {@link #HOT} where a report comes at most once a
 * second and may fold several draws into one. While no agent pane exists nothing is watched, and while no
 * watched pane prints no timer runs.
 */
public final class ScreenWatchService implements AutoCloseable {

    /** How often a pane that printed is read again. */
    static final Duration POLL = Duration.ofMillis(150);
    /**
     * How long after a report of output a pane counts as printing where reports may fold later output: over
     * one report interval.
     */
    static final Duration HOT = Duration.ofMillis(1500);

    /**
     * How long a pane whose output is reported as it happens is left to finish what it is drawing before it is
     * read: a frame written in several pieces would otherwise be read half drawn (a blank screen, which reads
     * as the agent's turn ended).
     */
    static final Duration SETTLE = Duration.ofMillis(20);

    private static final System.Logger LOG = System.getLogger(ScreenWatchService.class.getName());

    private final AgentProcessReader processes;
    private final PaneActivity activity;
    private final PaneScreens screens;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private final List<Consumer<Map<PaneId, PaneScreen>>> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong captures = new AtomicLong();
    private volatile Map<String, ScreenRule> rules;
    private volatile Map<PaneId, PaneScreen> shown = Map.of();
    // Owned by the executor's one thread.
    private Map<PaneId, RunningAgent> agentPanes = Map.of();
    private final Map<PaneId, Instant> hotUntil = new HashMap<>();
    private final Map<PaneId, Instant> readAt = new HashMap<>();
    private final Set<PaneId> settling = new HashSet<>();
    private boolean pollArmed;
    private boolean failureLogged;
    private boolean told;

    /** @param executor one thread of its own: a capture waits for the multiplexer's answer */
    public ScreenWatchService(AgentProcessReader processes, PaneActivity activity, PaneScreens screens,
                              List<ScreenRule> rules, Clock clock, ScheduledExecutorService executor) {
        this.processes = Objects.requireNonNull(processes, "processes");
        this.activity = Objects.requireNonNull(activity, "activity");
        this.screens = Objects.requireNonNull(screens, "screens");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = Objects.requireNonNull(executor, "executor");
        this.rules = byAgent(rules);
    }

    /** Follows the panes' programs and their output, and finds the agent panes there are now. */
    public void start() {
        processes.onChange(this::panesChanged);
        activity.onActivity(this::printed);
        panesChanged();
    }

    /** Reads with these rules from now on (the user's rule files changed): the panes are looked at again. */
    public void rules(List<ScreenRule> next) {
        rules = byAgent(next);
        run(() -> {
            agentPanes = Map.of();
            refreshPanes();
        });
    }

    /** Told, on this service's thread, every time what an agent pane shows changed: the whole picture. */
    public void onChange(Consumer<Map<PaneId, PaneScreen>> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** What each agent pane showed at its last reading. */
    public Map<PaneId, PaneScreen> current() {
        return shown;
    }

    /** How many panes were captured so far; lets a test prove that nothing is read while idle. */
    public long captures() {
        return captures.get();
    }

    /** True while a read is scheduled for a pane that printed. */
    public boolean polling() {
        try {
            return executor.submit(() -> pollArmed).get();
        } catch (Exception stopped) {
            return false;
        }
    }

    private void panesChanged() {
        run(this::refreshPanes);
    }

    /**
     * Watched panes printed. A pane that now shows nothing its rule knows may have lost its agent without its
     * foreground program changing (an agent run by a script): the panes' programs are read again then.
     */
    private void printed(Set<PaneId> panes) {
        run(() -> {
            Instant now = clock.instant();
            Map<PaneId, PaneScreen> next = new LinkedHashMap<>(shown);
            boolean unknown = false;
            for (PaneId pane : panes) {
                RunningAgent agent = agentPanes.get(pane);
                if (agent == null) {
                    continue;
                }
                Instant until = now.plus(activity.exact(pane) ? POLL : HOT);
                hotUntil.merge(pane, until, (was, is) -> is.isAfter(was) ? is : was);
                Instant read = readAt.get(pane);
                // A pane read less than POLL ago is read by the poll armed below: a pane that streams output
                // is reported many times a second.
                if (read != null && now.isBefore(read.plus(POLL))) {
                    continue;
                }
                if (activity.exact(pane)) {
                    settle(pane);
                } else {
                    read(agent, next);
                    unknown |= next.containsKey(pane) && next.get(pane).reading() == null;
                }
            }
            publish(next);
            if (unknown) {
                refreshPanes();
            }
            armPoll();
        });
    }

    /** Reads the pane {@link #SETTLE} from now, once however often it is reported meanwhile. */
    private void settle(PaneId pane) {
        if (!settling.add(pane)) {
            return;
        }
        try {
            executor.schedule(() -> settled(pane), SETTLE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException stopping) {
            settling.remove(pane);
        }
    }

    private void settled(PaneId pane) {
        settling.remove(pane);
        RunningAgent agent = agentPanes.get(pane);
        if (agent == null) {
            return;
        }
        Map<PaneId, PaneScreen> next = new LinkedHashMap<>(shown);
        read(agent, next);
        publish(next);
        if (next.containsKey(pane) && next.get(pane).reading() == null) {
            refreshPanes();
        }
        armPoll();
    }

    private void refreshPanes() {
        Map<String, ScreenRule> ruled = rules;
        Optional<List<RunningAgent>> living;
        try {
            living = processes.living(ruled.keySet());
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "reading agent processes failed: " + failed.getMessage());
            return;
        }
        Map<PaneId, RunningAgent> found = new LinkedHashMap<>();
        living.orElse(List.of()).stream().filter(agent -> ruled.containsKey(agent.agent()))
                .forEach(agent -> found.putIfAbsent(agent.pane(), agent));
        Map<PaneId, RunningAgent> before = agentPanes;
        agentPanes = Map.copyOf(found);
        hotUntil.keySet().retainAll(found.keySet());
        readAt.keySet().retainAll(found.keySet());
        activity.watch(found.keySet());
        Map<PaneId, PaneScreen> next = new LinkedHashMap<>(shown);
        next.keySet().retainAll(found.keySet());
        found.forEach((pane, agent) -> {
            if (!agent.equals(before.get(pane))) {
                read(agent, next);
            }
        });
        publish(next);
    }

    private void poll() {
        pollArmed = false;
        Instant now = clock.instant();
        Map<PaneId, PaneScreen> next = new LinkedHashMap<>(shown);
        for (PaneId pane : List.copyOf(hotUntil.keySet())) {
            RunningAgent agent = agentPanes.get(pane);
            if (agent != null) {
                read(agent, next);
            }
            // The last read after the hot time ends catches a draw folded into the last report.
            if (agent == null || !now.isBefore(hotUntil.get(pane))) {
                hotUntil.remove(pane);
            }
        }
        publish(next);
        armPoll();
    }

    private void armPoll() {
        if (pollArmed || hotUntil.isEmpty()) {
            return;
        }
        try {
            executor.schedule(this::poll, POLL.toMillis(), TimeUnit.MILLISECONDS);
            pollArmed = true;
        } catch (RejectedExecutionException stopping) {
            // The server is shutting down.
        }
    }

    private void read(RunningAgent agent, Map<PaneId, PaneScreen> into) {
        ScreenRule rule = rules.get(agent.agent());
        if (rule == null) {
            into.remove(agent.pane());
            return;
        }
        captures.incrementAndGet();
        readAt.put(agent.pane(), clock.instant());
        Optional<List<String>> lines;
        try {
            lines = screens.bottom(agent.pane(), rule.lines());
            failureLogged = false;
        } catch (MultiplexerException failed) {
            if (!failureLogged) {
                LOG.log(Level.WARNING, "reading the screen of " + agent.pane() + " failed: " + failed.getMessage());
                failureLogged = true;
            }
            return;
        }
        if (lines.isEmpty()) {
            into.remove(agent.pane());
            return;
        }
        into.put(agent.pane(), new PaneScreen(agent, rule, ScreenReader.read(rule, lines.get()).orElse(null)));
    }

    /** Tells the listeners of a change, and once at the first reading even without one (rows left from before). */
    private void publish(Map<PaneId, PaneScreen> next) {
        if (told && next.equals(shown)) {
            return;
        }
        told = true;
        shown = Map.copyOf(next);
        Map<PaneId, PaneScreen> picture = shown;
        listeners.forEach(listener -> listener.accept(picture));
    }

    private void run(Runnable task) {
        try {
            executor.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException failed) {
                    LOG.log(Level.WARNING, "reading agent screens failed", failed);
                }
            });
        } catch (RejectedExecutionException stopping) {
            // The server is shutting down.
        }
    }

    private static Map<String, ScreenRule> byAgent(List<ScreenRule> rules) {
        return rules.stream().collect(Collectors.toUnmodifiableMap(ScreenRule::agent, Function.identity(),
                (first, second) -> second));
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
