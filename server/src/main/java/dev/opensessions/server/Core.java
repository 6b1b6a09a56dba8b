package dev.opensessions.server;

import dev.opensessions.application.port.in.RecordAgentEventUseCase;
import dev.opensessions.application.port.out.AgentProcessReader;
import dev.opensessions.application.port.out.AgentSource;
import dev.opensessions.application.port.out.LocalSystem;
import dev.opensessions.application.port.out.Multiplexer;
import dev.opensessions.application.port.out.PaneActivity;
import dev.opensessions.application.port.out.PaneScreens;
import dev.opensessions.application.port.out.ScreenRuleSource;
import dev.opensessions.application.port.out.ServerLifecycle;
import dev.opensessions.application.port.out.SessionSource;
import dev.opensessions.application.port.out.SettingsStore;
import dev.opensessions.application.port.out.SidebarPanes;
import dev.opensessions.application.port.out.UserCommand;
import dev.opensessions.application.service.AgentLiveness;
import dev.opensessions.application.service.AgentNotificationService;
import dev.opensessions.application.port.in.WaitForAgentUseCase;
import dev.opensessions.application.service.AgentPruneService;
import dev.opensessions.application.service.AgentWaitService;
import dev.opensessions.application.service.AgentWatchService;
import dev.opensessions.application.service.JumpToNextService;
import dev.opensessions.application.service.DurableStateService;
import dev.opensessions.application.service.PiRuntimeService;
import dev.opensessions.application.service.QuitService;
import dev.opensessions.application.service.RecordAgentEventService;
import dev.opensessions.application.service.RefreshService;
import dev.opensessions.application.service.ScreenWatchService;
import dev.opensessions.application.service.SessionMetadataService;
import dev.opensessions.application.service.SessionOrderService;
import dev.opensessions.application.service.SidebarActionsService;
import dev.opensessions.application.service.SidebarPresenceService;
import dev.opensessions.application.service.SidebarSettingsService;
import dev.opensessions.application.service.StateQueryService;
import dev.opensessions.application.service.SwitchSessionService;
import dev.opensessions.application.service.ThreadChangeFeed;
import dev.opensessions.application.service.TopologyService;
import dev.opensessions.application.service.WaitStatsService;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.application.state.Subscription;
import dev.opensessions.domain.notify.NotificationSettings;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The core services of one server, built by hand in dependency order: stores restore the state, the
 * state owner holds it, services change and publish it. Started once, closed once.
 */
final class Core implements AutoCloseable {

    final StateOwner owner;
    final DurableStateService durable;
    final SessionMetadataService metadata;
    final RecordAgentEventService agentEvents;
    final SessionOrderService order;
    final StateQueryService query;
    final QuitService quit;
    final SwitchSessionService switchSession;
    /** Transitions waiting to be told to the user at most; more are dropped (a burst is not worth a queue). */
    static final int NOTIFY_QUEUE = 256;
    final LateSidebarOutput sidebarOutput = new LateSidebarOutput();
    final AgentNotificationService notifications;
    private final ThreadPoolExecutor notifying;
    final JumpToNextService jump;
    final SidebarSettingsService settings;
    final SidebarPresenceService presence;
    final SidebarActionsService actions;
    final RefreshService refresh;
    final AgentWatchService agents;
    final PiRuntimeService piRuntimes;
    final ThreadChangeFeed changes;
    final AgentWaitService waits;
    final WaitStatsService waitStats;
    /** Agent events as pushed over HTTP: a Pi event without a pane takes its live process's pane. */
    final RecordAgentEventUseCase pushedAgentEvents;
    private final ScheduledExecutorService scheduler;
    private final ScheduledExecutorService warmup;
    private final TopologyService topology;
    private final AgentPruneService prune;
    private final AgentLiveness liveness;
    private volatile Subscription hiddenWatch;
    private volatile Subscription burstWatch;

    private final ScreenWatchService screens;
    private final ScreenRuleSource screenRules;

    /** Where agents' screens come from: when agent panes print, what they show, and the rules to read them. */
    record Screens(PaneActivity activity, PaneScreens screens, ScreenRuleSource rules) {
        Screens {
            Objects.requireNonNull(activity, "activity");
            Objects.requireNonNull(screens, "screens");
            Objects.requireNonNull(rules, "rules");
        }
    }

    /**
     * What the core drives outside itself: tmux (sessions, commands, sidebar panes), the machine, the
     * process, the config file and the agents' own records. {@code panes} is made from the display order
     * the core keeps.
     */
    record Outside(SessionSource sessions, Multiplexer multiplexer,
                   Function<Supplier<List<SessionName>>, SidebarPanes> panes, LocalSystem system,
                   SettingsStore settings, ServerLifecycle lifecycle, List<String> sessionizer, String home,
                   List<AgentSource> agents, AgentProcessReader processes, Screens screens,
                   NotificationSettings notifications, UserCommand userCommand) {
        Outside {
            Objects.requireNonNull(screens, "screens");
            Objects.requireNonNull(notifications, "notifications");
            Objects.requireNonNull(userCommand, "userCommand");
            agents = List.copyOf(agents);
            Objects.requireNonNull(processes, "processes");
            Objects.requireNonNull(sessions, "sessions");
            Objects.requireNonNull(multiplexer, "multiplexer");
            Objects.requireNonNull(panes, "panes");
            Objects.requireNonNull(system, "system");
            Objects.requireNonNull(settings, "settings");
            Objects.requireNonNull(lifecycle, "lifecycle");
            sessionizer = List.copyOf(sessionizer);
            Objects.requireNonNull(home, "home");
        }
    }

    Core(Clock clock, StateStores stores, Outside outside) {
        // One scheduler thread serves frame coalescing and the prune timer; neither runs while idle.
        ScheduledThreadPoolExecutor timers = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "opensessions-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        // A wait met early cancels its timeout (up to 24 h away); cancelled timers leave the queue at once.
        timers.setRemoveOnCancelPolicy(true);
        this.scheduler = timers;
        // Sidebar spawns wait on tmux; on a thread of their own they never hold back a frame.
        this.warmup = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "opensessions-sidebar-warmup");
            thread.setDaemon(true);
            return thread;
        });
        this.durable = new DurableStateService(stores.order(), stores.metadata(), stores.threads(), stores.history(),
                stores.transactions());
        this.owner = new StateOwner(clock, durable.restore());
        SidebarPanes panes = outside.panes().apply(this::displayOrder);
        this.metadata = new SessionMetadataService(owner);
        this.notifying = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new ArrayBlockingQueue<>(NOTIFY_QUEUE),
                task -> {
                    Thread thread = new Thread(task, "opensessions-notify");
                    thread.setDaemon(true);
                    return thread;
                });
        // Idle, the thread ends: a server nobody needs notifications from runs no thread for them.
        notifying.allowCoreThreadTimeOut(true);
        this.notifications = new AgentNotificationService(owner, outside.multiplexer(), sidebarOutput,
                outside.userCommand(), outside.notifications(), clock.withZone(ZoneId.systemDefault()), notifying);
        this.agentEvents = new RecordAgentEventService(owner, transition -> {
            durable.record(transition);
            notifications.record(transition);
        });
        this.order = new SessionOrderService(owner);
        this.query = new StateQueryService(owner, scheduler);
        this.quit = new QuitService(owner, outside.lifecycle());
        this.switchSession = new SwitchSessionService(owner, outside.multiplexer());
        this.jump = new JumpToNextService(owner, outside.multiplexer());
        this.settings = new SidebarSettingsService(owner, outside.settings(), panes);
        this.presence = new SidebarPresenceService(owner, panes, warmup);
        this.actions = new SidebarActionsService(owner, outside.multiplexer(), outside.system(), switchSession,
                outside.sessionizer(), outside.home());
        this.refresh = new RefreshService(owner, outside.sessions());
        this.piRuntimes = new PiRuntimeService(owner, agentEvents, scheduler, clock);
        this.pushedAgentEvents = piRuntimes.linked(agentEvents);
        Set<String> agentNames = outside.agents().stream().map(AgentSource::agent).collect(Collectors.toSet());
        this.liveness = new AgentLiveness(outside.processes(), owner, clock, agentNames);
        this.agents = new AgentWatchService(owner, agentEvents, piRuntimes.linked(outside.agents()), scheduler, clock,
                liveness);
        this.topology = new TopologyService(owner, outside.sessions());
        this.prune = new AgentPruneService(owner, scheduler, liveness);
        this.screenRules = outside.screens().rules();
        // Captures wait on tmux: a thread of their own, idle (no timer) while no agent pane prints.
        this.screens = new ScreenWatchService(outside.processes(), outside.screens().activity(),
                outside.screens().screens(), screenRules.rules(), clock,
                Executors.newSingleThreadScheduledExecutor(task -> {
                    Thread thread = new Thread(task, "opensessions-screens");
                    thread.setDaemon(true);
                    return thread;
                }));
        this.changes = new ThreadChangeFeed(owner);
        changes.listen(durable::recordLooks);
        this.waits = new AgentWaitService(owner, changes, scheduler, WaitForAgentUseCase.MAX_OPEN_WAITS);
        this.waitStats = new WaitStatsService(durable, clock);
    }

    /**
     * Tells {@code sink} the names of the hidden sessions now and whenever they change, on the core's scheduler
     * thread, never while the state is being written (the sink may change the state in turn).
     */
    void onHiddenSessions(Consumer<Set<String>> sink) {
        Objects.requireNonNull(sink, "sink");
        AtomicReference<Set<SessionName>> last = new AtomicReference<>();
        hiddenWatch = owner.subscribe(snapshot -> {
            Set<SessionName> hidden = snapshot.order().hidden();
            if (!hidden.equals(last.getAndSet(hidden))) {
                Set<String> names = hidden.stream().map(SessionName::value).collect(Collectors.toUnmodifiableSet());
                scheduler.execute(() -> sink.accept(names));
            }
        });
    }

    /**
     * Collects the heap once the state has not changed for {@code quiet} after a burst of changes, when it grew by
     * at least {@code worthBytes} since the last such collection, and during a burst once it grew by
     * {@code busyCeilingBytes} ({@link BurstEndCollection}); on the core's scheduler thread, which is idle between
     * bursts.
     */
    BurstEndCollection collectAfterBursts(BurstEndCollection.Heap heap, Duration quiet, long worthBytes,
                                          long busyCeilingBytes) {
        BurstEndCollection collection = new BurstEndCollection(
                (nanos, task) -> scheduler.schedule(task, nanos, TimeUnit.NANOSECONDS), System::nanoTime, heap, quiet,
                worthBytes, busyCeilingBytes);
        burstWatch = owner.subscribe(snapshot -> collection.activity());
        return collection;
    }

    /** The sessions in the order sidebars show them (hidden ones left out). */
    private List<SessionName> displayOrder() {
        return owner.current().displayedSessions(Optional.empty()).stream().map(Session::name).toList();
    }

    /** What the first request and the first sidebar frame need: the stored state and the settings. */
    void start() {
        durable.start(owner);
        settings.restore();
    }

    /**
     * What streams in after the server answers: the sidebars' side (tmux's {@code @opensessions-position}, read
     * over the control client, which attaches only now), tmux's sessions (and with them the first git reads, the
     * port scans and the sidebars reopened in the windows clients look at), the agents' own records, the prune
     * timer.
     */
    void attach() {
        // After the stored settings: the side falls back to config sidebarPosition, read by their restore.
        presence.restore();
        topology.start();
        liveness.onChange(prune::processesChanged);
        liveness.start();
        agents.start();
        prune.start();
        screens.onChange(agents::screensChanged);
        screenRules.onChange(() -> screens.rules(screenRules.rules()));
        screens.start();
    }

    @Override
    public void close() {
        Subscription hidden = hiddenWatch;
        if (hidden != null) {
            hidden.close();
        }
        Subscription bursts = burstWatch;
        if (bursts != null) {
            bursts.close();
        }
        screens.close();
        waits.close();
        changes.close();
        prune.close();
        agents.close();
        piRuntimes.close();
        topology.close();
        durable.close();
        warmup.shutdownNow();
        notifying.shutdownNow();
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(1, TimeUnit.SECONDS);
            warmup.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
