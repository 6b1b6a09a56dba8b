package dev.opensessions.adapters.tmux;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The live picture of the tmux server: listed once on attach, then re-listed only when tmux notifies a
 * change, a burst of notifications costing one listing (plus at most one more if it arrived mid-listing).
 * Listeners get each new snapshot, in order, on the model's own delivery thread.
 */
public final class TmuxModel implements ControlListener, AutoCloseable {

    /** Notifications after which the listing may differ. */
    private static final Set<String> CHANGES = Set.of("sessions-changed", "session-changed",
            "client-session-changed", "client-detached", "session-renamed", "session-window-changed",
            "window-add", "window-close", "window-renamed", "window-pane-changed", "layout-change",
            "unlinked-window-add", "unlinked-window-close", "unlinked-window-renamed", "subscription-changed");

    /**
     * One subscription for what tmux never notifies: pane commands, paths, titles, pids, and panes appearing
     * or resizing in sessions other than the one the control client sits on. The {@code S:}, {@code W:},
     * {@code P:} loops cover every pane of every session, and tmux sends a line only when the value changes.
     */
    static final String SUBSCRIPTION_NAME = "opensessions-panes";
    static final String SUBSCRIPTION_FORMAT = "#{S:#{session_id}#{W:#{window_id}#{window_layout}"
            + "#{P:#{pane_id} #{pane_pid} #{pane_current_command} #{pane_title} #{pane_current_path};}}}";

    private final TmuxControl control;
    private final Runnable onServerExit;
    private final List<Consumer<TmuxSnapshot>> listeners = new CopyOnWriteArrayList<>();
    private final ExecutorService delivery = Executors.newSingleThreadExecutor(Thread.ofVirtual().factory());
    private final AtomicLong listings = new AtomicLong();
    private volatile TmuxSnapshot current = TmuxSnapshot.empty();
    private CompletableFuture<TmuxSnapshot> requested;
    private boolean listing;

    public TmuxModel(TmuxControl control, Runnable onServerExit) {
        this.control = Objects.requireNonNull(control, "control");
        this.onServerExit = Objects.requireNonNull(onServerExit, "onServerExit");
    }

    public TmuxSnapshot current() {
        return current;
    }

    /** Delivers the current snapshot, then every new one, until the returned handle runs. */
    public Runnable subscribe(Consumer<TmuxSnapshot> listener) {
        delivery.execute(() -> {
            listeners.add(listener);
            listener.accept(current);
        });
        return () -> listeners.remove(listener);
    }

    /** How many listings ran so far; lets a test prove that nothing is listed while idle. */
    public long listings() {
        return listings.get();
    }

    /** A snapshot listed after this call: joins a listing that is still to start, never one already running. */
    public CompletableFuture<TmuxSnapshot> refresh() {
        CompletableFuture<TmuxSnapshot> result;
        boolean start;
        synchronized (this) {
            if (requested == null) {
                requested = new CompletableFuture<>();
            }
            result = requested;
            start = !listing;
            listing = true;
        }
        if (start) {
            list();
        }
        return result;
    }

    private void list() {
        CompletableFuture<TmuxSnapshot> serving;
        synchronized (this) {
            serving = requested;
            requested = null;
        }
        listings.incrementAndGet();
        TmuxListing.read(control).whenComplete((snapshot, failure) -> {
            if (failure == null) {
                publish(snapshot);
                serving.complete(snapshot);
            } else {
                serving.completeExceptionally(failure);
            }
            boolean again;
            synchronized (this) {
                again = requested != null;
                listing = again;
            }
            if (again) {
                list();
            }
        });
    }

    private void publish(TmuxSnapshot snapshot) {
        if (snapshot.equals(current)) {
            return;
        }
        current = snapshot;
        delivery.execute(() -> {
            // Only the newest snapshot matters; an older one still queued is skipped.
            if (snapshot == current) {
                listeners.forEach(listener -> listener.accept(snapshot));
            }
        });
    }

    @Override
    public void connected() {
        // The control connection keeps it across reconnects; setting it again changes nothing.
        control.subscribe(SUBSCRIPTION_NAME, SUBSCRIPTION_FORMAT);
        refresh();
    }

    @Override
    public void notification(ControlEvent.Notification notification) {
        if (CHANGES.contains(notification.name()) && ownSubscription(notification)) {
            refresh();
        }
    }

    /** Other subscriptions on this connection (pane activity) say nothing about the listing. */
    private static boolean ownSubscription(ControlEvent.Notification notification) {
        return !notification.name().equals("subscription-changed")
                || notification.arguments().startsWith(SUBSCRIPTION_NAME + " ");
    }

    @Override
    public void serverExited() {
        publish(TmuxSnapshot.empty());
        delivery.execute(onServerExit);
    }

    @Override
    public void close() {
        delivery.shutdown();
    }
}
