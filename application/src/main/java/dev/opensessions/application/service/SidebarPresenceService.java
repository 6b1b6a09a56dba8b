package dev.opensessions.application.service;

import dev.opensessions.application.port.in.ClientContext;
import dev.opensessions.application.port.in.SidebarPresenceUseCase;
import dev.opensessions.application.port.out.MultiplexerException;
import dev.opensessions.application.port.out.SidebarPanes;
import dev.opensessions.application.state.Change;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.WindowId;
import dev.opensessions.domain.sidebar.SidebarPhase;
import dev.opensessions.domain.sidebar.SidebarPresence;
import dev.opensessions.domain.sidebar.SidebarSide;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Shows and hides the sidebars of the whole tmux server (docs/reference/sidebar.md#shown-or-hidden): a show fills
 * every window, origin first and staggered, and stays {@code WARMING} until each new pane has connected, its
 * window vanished, or the warm-up timed out; the windows given up on are kept as presence failures. The side
 * they dock at is chosen at start and again at every show, so a changed tmux option applies on the next show.
 */
public final class SidebarPresenceService implements SidebarPresenceUseCase {

    /** Between two spawns of a show, so tmux and the new shims are not flooded at once. */
    static final Duration STAGGER = Duration.ofMillis(35);
    /** After the last spawn, how long a new pane has to connect before it counts as a failure. */
    static final Duration WARMUP_TIMEOUT = Duration.ofMillis(1200);

    private static final System.Logger LOG = System.getLogger(SidebarPresenceService.class.getName());

    private final StateOwner owner;
    private final SidebarPanes panes;
    private final ScheduledExecutorService scheduler;
    // Serializes every pane change, so a spawn never outlives a hide and two opens never race in one window.
    private final Object lock = new Object();
    private final SidebarSideChoice sides;
    private SidebarWarmup warmup;
    private volatile List<String> lastFailures = List.of();

    public SidebarPresenceService(StateOwner owner, SidebarPanes panes, ScheduledExecutorService scheduler) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.panes = Objects.requireNonNull(panes, "panes");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.sides = new SidebarSideChoice(panes);
    }

    /**
     * Hands the panes what to keep at start, once the stored settings are in the state: the side, then
     * visibility and width, so no sidebar opens on a side the user did not ask for.
     */
    public void restore() {
        synchronized (lock) {
            dock();
            panes.maintain(owner.current().presence().visible(), owner.current().sidebar().width());
        }
    }

    @Override
    public void toggle(ClientContext context) {
        Objects.requireNonNull(context, "context");
        synchronized (lock) {
            SidebarPresence presence = owner.current().presence();
            if (presence.closing()) {
                return;
            }
            try {
                if (presence.visible() && seen(context)) {
                    hide();
                } else {
                    fill(context);
                }
            } catch (MultiplexerException failure) {
                LOG.log(Level.WARNING, "toggling the sidebars failed: " + failure.getMessage());
                end(warmup);
            }
        }
    }

    @Override
    public void show(ClientContext context) {
        Objects.requireNonNull(context, "context");
        synchronized (lock) {
            if (owner.current().presence().closing()) {
                return;
            }
            try {
                fill(context);
            } catch (MultiplexerException failure) {
                LOG.log(Level.WARNING, "showing the sidebars failed: " + failure.getMessage());
                end(warmup);
            }
        }
    }

    /**
     * Whether the user sees the sidebars: the context's window (or its client's) holds one. Shown but not
     * seen happens after a start outside any pane or after the server was restarted (every sidebar died with
     * the old one); a toggle then shows them, so the first press never hides what nobody sees. A context
     * naming no window counts as seen.
     */
    private boolean seen(ClientContext context) {
        return windowOf(context)
                .map(window -> !panes.lacksSidebar(window))
                .orElse(true);
    }

    /** The context's window, else the window its client shows. */
    private Optional<String> windowOf(ClientContext context) {
        return context.window().map(WindowId::value).or(() -> context.client().flatMap(panes::windowOf));
    }

    @Override
    public void ensure(ClientContext context) {
        Objects.requireNonNull(context, "context");
        synchronized (lock) {
            SidebarPresence presence = owner.current().presence();
            if (!presence.visible() || presence.closing()) {
                return;
            }
            try {
                windowOf(context)
                        .filter(panes::lacksSidebar)
                        .ifPresent(panes::open);
            } catch (MultiplexerException failure) {
                LOG.log(Level.WARNING, "opening a sidebar failed: " + failure.getMessage());
            }
        }
    }

    @Override
    public void identified(PaneId pane) {
        Objects.requireNonNull(pane, "pane");
        synchronized (lock) {
            SidebarWarmup current = warmup;
            if (current == null || closing() || !current.identified(pane)) {
                return;
            }
            if (current.allSpawned() && current.awaitingAny()) {
                dropVanished(current);
            }
            if (current.done()) {
                end(current);
            }
        }
    }

    /** The windows the latest finished warm-up gave up on (no sidebar connected in time), for diagnostics. */
    public List<String> lastFailures() {
        return lastFailures;
    }

    private void hide() {
        if (warmup != null) {
            warmup.cancelTimers();
            warmup = null;
        }
        phase(false, SidebarPhase.READY);
        panes.maintain(false, owner.current().sidebar().width());
        panes.closeAll();
    }

    /** Shows the sidebars: one in every window that lacks one, the context's first, the rest staggered. */
    private void fill(ClientContext context) {
        if (warmup != null) {
            warmup.cancelTimers();
            warmup = null;
        }
        dock();
        phase(true, SidebarPhase.WARMING);
        panes.maintain(true, owner.current().sidebar().width());
        List<String> targets = panes.windows(context.client()).stream().filter(panes::lacksSidebar).toList();
        SidebarWarmup next = new SidebarWarmup(targets);
        warmup = next;
        if (targets.isEmpty()) {
            end(next);
            return;
        }
        spawn(next, 0);
        for (int i = 1; i < targets.size(); i++) {
            int index = i;
            next.track(scheduler.schedule(() -> spawnLater(next, index), STAGGER.toMillis() * i, TimeUnit.MILLISECONDS));
        }
    }

    private void spawnLater(SidebarWarmup target, int index) {
        synchronized (lock) {
            if (warmup == target && !closing()) {
                spawn(target, index);
            }
        }
    }

    private void spawn(SidebarWarmup target, int index) {
        String window = target.targets().get(index);
        try {
            target.spawned(window, panes.open(window).orElse(null));
        } catch (MultiplexerException failure) {
            LOG.log(Level.WARNING, "opening a sidebar in window " + window + " failed: " + failure.getMessage());
            target.spawnFailed(window);
        }
        if (target.done()) {
            end(target);
        } else if (target.allSpawned()) {
            target.track(scheduler.schedule(() -> expire(target), WARMUP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
        }
    }

    private void expire(SidebarWarmup target) {
        synchronized (lock) {
            if (warmup != target || closing()) {
                return;
            }
            dropVanished(target);
            target.timeOut();
            end(target);
        }
    }

    private void dropVanished(SidebarWarmup target) {
        try {
            target.dropVanished(new HashSet<>(panes.windows(Optional.empty())));
        } catch (MultiplexerException failure) {
            LOG.log(Level.DEBUG, "could not list the windows during the warm-up: " + failure.getMessage());
        }
    }

    /** Ends the warm-up: timers cancelled, the phase back to {@code READY}, its failures kept and logged. */
    private void end(SidebarWarmup target) {
        if (target != null) {
            target.cancelTimers();
            lastFailures = target.failed();
            if (!lastFailures.isEmpty()) {
                LOG.log(Level.WARNING, "sidebar presence failures: no sidebar connected in windows "
                        + String.join(" ", lastFailures) + " within " + WARMUP_TIMEOUT.toMillis() + " ms");
            }
        }
        warmup = null;
        if (owner.current().presence().phase() == SidebarPhase.WARMING) {
            phase(owner.current().presence().visible(), SidebarPhase.READY);
        }
    }

    /** Chooses the side (tmux option, else config, else left), keeps it in the state and tells the panes. */
    private void dock() {
        SidebarSide side = sides.choose(owner.current().sidebar().position());
        owner.apply(state -> {
            SidebarPresence next = state.presence().docked(side);
            return Change.of(next.equals(state.presence()) ? state : state.withPresence(next), null);
        });
        panes.dock(side);
    }

    private void phase(boolean visible, SidebarPhase phase) {
        owner.apply(state -> {
            SidebarPresence next = state.presence().then(visible, phase);
            return Change.of(next.equals(state.presence()) ? state : state.withPresence(next), null);
        });
    }

    private boolean closing() {
        return owner.current().presence().closing();
    }
}
