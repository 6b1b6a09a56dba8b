package dev.opensessions.adapters.tmux;

import dev.opensessions.application.port.out.MultiplexerException;
import dev.opensessions.application.port.out.SidebarPanes;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.sidebar.SidebarSide;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The core's {@link SidebarPanes} on tmux (ADR 0006): follows the model's snapshots and, on its own thread so
 * the control connection is never kept waiting, opens a sidebar where a user client turns to while they are
 * shown (full height, at the docked side), holds every sidebar at the fixed width, and closes windows left
 * with only sidebars.
 */
public final class TmuxSidebarPanes implements SidebarPanes, AutoCloseable {

    static final String WIDTH_OPTION = "@opensessions_width";
    /** The user's choice of side, set with {@code set -g} in tmux.conf. */
    static final String POSITION_OPTION = "@opensessions-position";
    private static final System.Logger LOG = System.getLogger(TmuxSidebarPanes.class.getName());

    private final TmuxModel model;
    private final TmuxPaneCommands panes;
    private final TmuxMultiplexer multiplexer;
    private final SidebarLaunch launch;
    private final Supplier<List<SessionName>> displayOrder;
    private final Duration timeout;
    private final ExecutorService reactions =
            Executors.newSingleThreadExecutor(Thread.ofVirtual().name("tmux-sidebars").factory());
    private final ReentrantLock opening = new ReentrantLock();
    /** Sidebars opened but maybe not listed yet, by window: they count as present until a listing shows them. */
    private final Map<String, String> fresh = new ConcurrentHashMap<>();
    private final SidebarEnsure ensure = new SidebarEnsure();
    private final SidebarWidth drift = new SidebarWidth();
    private final LonelyWindows lonely;
    private final Runnable unsubscribe;
    private volatile boolean visible;
    private volatile int fixedWidth;
    private volatile SidebarSide side = SidebarSide.LEFT;
    private volatile TmuxSnapshot latest = TmuxSnapshot.empty();
    private volatile TmuxSnapshot handled;

    public TmuxSidebarPanes(TmuxModel model, TmuxPaneCommands panes, TmuxMultiplexer multiplexer,
                            SidebarLaunch launch, Supplier<List<SessionName>> displayOrder, Duration timeout) {
        this.model = Objects.requireNonNull(model, "model");
        this.panes = Objects.requireNonNull(panes, "panes");
        this.multiplexer = Objects.requireNonNull(multiplexer, "multiplexer");
        this.launch = Objects.requireNonNull(launch, "launch");
        this.displayOrder = Objects.requireNonNull(displayOrder, "displayOrder");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.lonely = new LonelyWindows(panes, multiplexer, displayOrder);
        this.unsubscribe = model.subscribe(snapshot -> {
            latest = snapshot;
            try {
                reactions.execute(this::reactToLatest);
            } catch (RejectedExecutionException closed) {
                // A snapshot delivered while this closes: nothing is kept any more.
            }
        });
    }

    @Override
    public void maintain(boolean visible, int width) {
        if (width < 1) {
            throw new IllegalArgumentException("width < 1");
        }
        this.visible = visible;
        if (width != fixedWidth) {
            fixedWidth = width;
            reactions.execute(() -> {
                drift.forget();
                panes.setOption(OptionScope.GLOBAL_SESSION, null, WIDTH_OPTION, Integer.toString(width));
                repairWidths(model.current());
            });
        }
    }

    @Override
    public void dock(SidebarSide value) {
        side = Objects.requireNonNull(value, "side");
    }

    @Override
    public Optional<String> sideOption() {
        return await("show-options", panes.globalOption(POSITION_OPTION)).filter(value -> !value.isBlank());
    }

    @Override
    public List<String> windows(Optional<String> originClientTty) {
        TmuxSnapshot snapshot = knowing(s -> originClientTty.map(tty -> SidebarLayout.windowOf(s, tty).isPresent())
                .orElse(true));
        return SidebarLayout.ranked(snapshot, originClientTty);
    }

    @Override
    public Optional<String> windowOf(String clientTty) {
        return SidebarLayout.windowOf(knowing(s -> SidebarLayout.windowOf(s, clientTty).isPresent()), clientTty);
    }

    @Override
    public Optional<PaneId> open(String windowId) {
        TmuxNames.windowId(windowId);
        opening.lock();
        try {
            Optional<TmuxSnapshot> lacking = lacking(windowId);
            if (lacking.isEmpty()) {
                return Optional.empty();
            }
            TmuxSnapshot snapshot = lacking.get();
            SidebarSide docked = side;
            Optional<TmuxPane> anchor = SidebarLayout.anchor(snapshot, windowId, docked);
            if (anchor.isEmpty()) {
                return Optional.empty();
            }
            Map<String, String> environment = new HashMap<>(launch.environment());
            environment.put(SidebarLaunch.WINDOW_VARIABLE, windowId);
            String pane;
            try {
                pane = await("split-window", panes.split(new SplitRequest(anchor.get().id(),
                        SidebarLayout.edge(docked), fixedWidth(), launch.command(), environment, anchor.get().path(),
                        false)));
            } catch (MultiplexerException failed) {
                if (TmuxWait.targetGone(failed)) {
                    return Optional.empty();
                }
                throw failed;
            }
            fresh.put(windowId, pane);
            // Said once per opening, so a sidebar that vanished and came back can be told from one that stayed.
            LOG.log(System.Logger.Level.INFO, "opened sidebar pane " + pane + " in window " + windowId);
            await("select-pane", panes.setTitle(pane, TmuxPane.SIDEBAR_TITLE));
            // Once a listing made after the title has completed, the model itself shows the sidebar.
            model.refresh().whenComplete((listed, failure) -> fresh.remove(windowId, pane));
            return Optional.of(PaneId.of(pane));
        } finally {
            opening.unlock();
        }
    }

    @Override
    public boolean lacksSidebar(String windowId) {
        return lacking(windowId).isPresent();
    }

    /**
     * The model's snapshot when the window lacks a sidebar now; empty when it has one, one is being opened, or it is
     * gone. The mark of a sidebar just opened is read before the snapshot: it is removed only once a listing that
     * shows the sidebar is the model's current snapshot, so a snapshot read after the mark is gone shows the sidebar.
     * Read the other way round, an older snapshot and a mark removed in between said the window lacked one.
     */
    private Optional<TmuxSnapshot> lacking(String windowId) {
        if (fresh.containsKey(windowId)) {
            return Optional.empty();
        }
        TmuxSnapshot snapshot = knowing(s -> SidebarLayout.exists(s, windowId));
        return lacks(snapshot, windowId) ? Optional.of(snapshot) : Optional.empty();
    }

    private boolean lacks(TmuxSnapshot snapshot, String windowId) {
        return SidebarLayout.exists(snapshot, windowId) && !SidebarLayout.hasSidebar(snapshot, windowId)
                && !fresh.containsKey(windowId);
    }

    @Override
    public void closeAll() {
        opening.lock();
        try {
            List<String> sidebars = new ArrayList<>(fresh.values());
            await("listing", model.refresh()).panes().stream().filter(TmuxPane::sidebar)
                    .forEach(pane -> sidebars.add(pane.id()));
            fresh.clear();
            // A pane may already be gone (its user closed it): that is the wanted end, not a failure.
            CompletableFuture.allOf(sidebars.stream().distinct()
                    .map(id -> panes.killPane(id).exceptionally(gone -> null))
                    .toArray(CompletableFuture[]::new)).join();
            // tmux tells a control client of layout changes only in its own session, and its pane subscription
            // is compared once a second: a sidebar opened and killed within that second, in another session,
            // is never reported gone. Without this listing the model would keep it, and a show right after
            // would skip that window as having a sidebar.
            await("listing", model.refresh());
        } finally {
            opening.unlock();
        }
    }

    /** Done once every snapshot delivered so far has been reacted to. */
    CompletableFuture<Void> reacted() {
        try {
            return CompletableFuture.runAsync(() -> { }, reactions);
        } catch (RejectedExecutionException closed) {
            return CompletableFuture.completedFuture(null);
        }
    }

    /** The last snapshot whose reactions are done; lets a test know that nothing more will follow from it. */
    TmuxSnapshot handled() {
        return handled;
    }

    private void reactToLatest() {
        TmuxSnapshot snapshot = latest;
        if (snapshot == handled) {
            return;
        }
        try {
            guarded("closing lonely windows", () -> lonely.close(snapshot));
            guarded("repairing sidebar widths", () -> repairWidths(snapshot));
            for (String window : ensure.turnedTo(snapshot)) {
                if (visible && lacks(snapshot, window)) {
                    guarded("opening a sidebar", () -> open(window));
                }
            }
        } finally {
            handled = snapshot;
        }
    }

    /** One failed reaction (a window gone meanwhile, tmux slow) must not stop the others. */
    private static void guarded(String what, Runnable reaction) {
        try {
            reaction.run();
        } catch (RuntimeException failed) {
            LOG.log(System.Logger.Level.WARNING, what + " failed", failed);
        }
    }

    private void repairWidths(TmuxSnapshot snapshot) {
        int target = fixedWidth;
        if (target > 0) {
            drift.repairs(snapshot, target).forEach(pane -> panes.resizePane(pane, target));
        }
    }

    private int fixedWidth() {
        int target = fixedWidth;
        if (target < 1) {
            throw new IllegalStateException("maintain(visible, width) sets the width before any sidebar opens");
        }
        return target;
    }

    private TmuxSnapshot knowing(Predicate<TmuxSnapshot> complete) {
        return TmuxWait.knowing(model, complete, timeout);
    }

    private <T> T await(String command, CompletableFuture<T> reply) {
        return TmuxWait.await(command, reply, timeout);
    }

    @Override
    public void close() {
        unsubscribe.run();
        reactions.shutdown();
    }
}
