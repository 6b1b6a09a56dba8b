package dev.opensessions.adapters.tmux;

import dev.opensessions.application.port.out.PaneActivity;
import dev.opensessions.domain.session.PaneId;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Pane output activity, through two sources.
 * <ul>
 *   <li><b>Pipes</b> (when a {@link PaneCopier} is given): each watched pane gets {@code pipe-pane -O} running the
 *   copier, which connects to {@link PanePipeListener}; every output of the pane is reported as it happens. The
 *   pipe is opened only when the pane has none ({@code if-shell -F '#{?pane_pipe,0,1}'}, one tmux command, so a
 *   user's own pipe is never replaced or toggled off, as {@code pipe-pane -o} would), and closed when the pane
 *   is no longer watched, only while this server's copier is connected to it (then the pipe is ours).</li>
 *   <li><b>A format subscription</b> ({@code refresh-client -B}, tmux 3.2 and later) as the fallback for the
 *   watched panes without a connected copier: no copier given, the pane already had a pipe, the copier could
 *   not start or has not connected yet. The subscription names only those panes, in every session, and carries
 *   each one's window activity time, cursor row, height and history size; tmux checks it once a second and
 *   sends a line only when the text changed. While every watched pane is piped there is no subscription.</li>
 * </ul>
 * The control connection runs with {@code no-output} and so receives no pane bytes. The last cursor row a
 * subscription reported also tells {@link TmuxPaneScreens} where a pane's text ends.
 */
public final class TmuxPaneActivity implements PaneActivity, ControlListener, PanePipeListener.Events, AutoCloseable {

    /** The subscription's name; the model's own subscription has another. */
    static final String NAME = "opensessions-activity";
    /** How many times a pane is piped while it is watched: again after its copier hung up, not forever. */
    static final int PIPE_ATTEMPTS = 3;
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(1);
    private static final System.Logger LOG = System.getLogger(TmuxPaneActivity.class.getName());

    private final TmuxControl control;
    private final List<Consumer<Set<PaneId>>> listeners = new CopyOnWriteArrayList<>();
    private final Map<PaneId, PaneLine> last = new HashMap<>();
    private final Map<PaneId, Integer> attempts = new HashMap<>();
    private final Set<PaneId> piped = new HashSet<>();
    private Set<PaneId> watched = Set.of();
    private Set<PaneId> subscribed = Set.of();
    private PaneCopier copier;
    private PanePipeListener pipes;
    private boolean pipeFailureLogged;
    private long subscriptions;

    TmuxPaneActivity(TmuxControl control) {
        this.control = Objects.requireNonNull(control, "control");
    }

    /** Pipes the watched panes' output through this copier from now on; before any pane is watched. */
    synchronized void pipeThrough(PaneCopier through) {
        if (pipes != null) {
            throw new IllegalStateException("already piping");
        }
        copier = Objects.requireNonNull(through, "through");
        pipes = new PanePipeListener(through.token(), this);
    }

    @Override
    public void watch(Set<PaneId> panes) {
        Set<PaneId> next = Set.copyOf(panes);
        List<PaneId> added = new ArrayList<>();
        List<PaneId> removed = new ArrayList<>();
        synchronized (this) {
            if (next.equals(watched)) {
                return;
            }
            next.stream().filter(pane -> !watched.contains(pane)).forEach(added::add);
            watched.stream().filter(pane -> !next.contains(pane)).forEach(removed::add);
            watched = next;
            last.keySet().retainAll(next);
            attempts.keySet().retainAll(next);
            piped.retainAll(next);
        }
        removed.forEach(this::unpipe);
        added.forEach(this::pipe);
        resubscribe();
    }

    @Override
    public void onActivity(Consumer<Set<PaneId>> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The pane's cursor row at tmux's last report, if it is watched and tmux has reported it. */
    public synchronized OptionalInt cursorRow(PaneId pane) {
        PaneLine line = last.get(pane);
        return line == null ? OptionalInt.empty() : OptionalInt.of(line.cursorRow());
    }

    /** How many times the subscription was set or dropped; lets a test prove nothing is sent while idle. */
    public synchronized long subscriptions() {
        return subscriptions;
    }

    /** The panes whose copier is connected: their output is reported as it happens. */
    public synchronized Set<PaneId> piped() {
        return Set.copyOf(piped);
    }

    /** The panes the subscription covers now: the watched ones without a connected copier. */
    public synchronized Set<PaneId> subscribed() {
        return subscribed;
    }

    @Override
    public synchronized boolean exact(PaneId pane) {
        return piped.contains(pane);
    }

    @Override
    public void connected() {
        List<PaneId> unpiped = new ArrayList<>();
        synchronized (this) {
            last.clear();
            watched.stream().filter(pane -> !attempts.containsKey(pane)).forEach(unpiped::add);
            // The control connection sets the subscription again on the new client, which reports every pane
            // anew. Pipes belong to the panes and outlive the client.
        }
        unpiped.forEach(this::pipe);
    }

    @Override
    public void notification(ControlEvent.Notification notification) {
        if (!notification.name().equals("subscription-changed")
                || !notification.arguments().startsWith(NAME + " ")) {
            return;
        }
        int value = notification.arguments().indexOf(" : ");
        if (value < 0) {
            return;
        }
        Set<PaneId> changed = changed(notification.arguments().substring(value + 3));
        if (!changed.isEmpty()) {
            listeners.forEach(listener -> listener.accept(changed));
        }
    }

    @Override
    public void serverExited() {
        // Nothing to watch any more; the screen reader hears of the panes' end from the processes.
        PanePipeListener listening;
        synchronized (this) {
            piped.clear();
            listening = pipes;
        }
        if (listening != null) {
            listening.close();
        }
    }

    @Override
    public void opened(PaneId pane) {
        boolean wanted;
        synchronized (this) {
            wanted = watched.contains(pane);
            if (wanted) {
                piped.add(pane);
                // Its screen is read whole from now on: a cursor row reported before may be stale.
                last.remove(pane);
            }
        }
        if (!wanted) {
            unpipe(pane);
            return;
        }
        resubscribe();
    }

    @Override
    public void printed(Set<PaneId> panes) {
        Set<PaneId> reported;
        synchronized (this) {
            reported = panes.stream().filter(piped::contains).collect(Collectors.toUnmodifiableSet());
        }
        if (!reported.isEmpty()) {
            listeners.forEach(listener -> listener.accept(reported));
        }
    }

    @Override
    public void closed(PaneId pane) {
        boolean again;
        synchronized (this) {
            piped.remove(pane);
            again = watched.contains(pane) && attempts.getOrDefault(pane, 0) < PIPE_ATTEMPTS;
        }
        // Somebody replaced the pipe, or the copier ended: the subscription covers the pane, and a new pipe is
        // opened only if the pane has none now.
        resubscribe();
        if (again) {
            pipe(pane);
        }
    }

    /** Closes this server's pipes (each copier ends) and the listener; the control connection is still open. */
    @Override
    public void close() {
        List<PaneId> ours;
        PanePipeListener listening;
        synchronized (this) {
            ours = List.copyOf(piped);
            piped.clear();
            watched = Set.of();
            listening = pipes;
        }
        if (listening == null) {
            return;
        }
        List<CompletableFuture<List<String>>> closing = new ArrayList<>();
        for (PaneId pane : ours) {
            if (listening.forget(pane) && control.attached()) {
                closing.add(control.execute(List.of("pipe-pane", "-t", TmuxNames.paneId(pane.value()))));
            }
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
                    .get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception notClosed) {
            // A copier left behind ends at its pane's next output, when its write to the closed port fails.
        }
        listening.close();
    }

    /**
     * Opens the copier's pipe on the pane if it has no pipe: {@code pipe-pane -O} inside {@code if-shell -F}, so
     * tmux checks and opens in one command, and nothing of a pane that already has a pipe is touched.
     */
    private void pipe(PaneId pane) {
        PanePipeListener listening;
        PaneCopier through;
        synchronized (this) {
            listening = pipes;
            through = copier;
            if (listening == null || !watched.contains(pane) || !control.attached()) {
                return;
            }
            attempts.merge(pane, 1, Integer::sum);
        }
        int port;
        try {
            port = listening.port();
        } catch (IOException failed) {
            logPipeFailure("the pane pipe port cannot be opened: " + failed.getMessage());
            return;
        }
        String id = TmuxNames.paneId(pane.value());
        listening.expect(pane);
        String open = TmuxCommandLine.of(List.of("pipe-pane", "-O", "-t", id, through.command(port, id)));
        control.executeNested(List.of("if-shell", "-F", "-t", id, "#{?pane_pipe,0,1}", open))
                .whenComplete((output, failed) -> {
                    if (failed != null && !String.valueOf(failed.getMessage()).contains("can't find ")) {
                        logPipeFailure("piping " + id + " failed: " + failed.getMessage());
                    }
                });
    }

    /** Closes the pane's pipe if it is this server's: only while its copier is connected. */
    private void unpipe(PaneId pane) {
        PanePipeListener listening;
        synchronized (this) {
            listening = pipes;
        }
        if (listening != null && listening.forget(pane) && control.attached()) {
            control.execute(List.of("pipe-pane", "-t", TmuxNames.paneId(pane.value())));
        }
    }

    private void logPipeFailure(String message) {
        synchronized (this) {
            if (pipeFailureLogged) {
                return;
            }
            pipeFailureLogged = true;
        }
        LOG.log(Level.WARNING, message + "; the pane is watched through the once-a-second subscription");
    }

    /**
     * Subscribes to the watched panes without a connected copier, when that set changed. Sent under the lock:
     * the pipes' thread and the reader's thread both call it, and tmux must get the sets in the order chosen.
     */
    private synchronized void resubscribe() {
        Set<PaneId> want = watched.stream().filter(pane -> !piped.contains(pane))
                .collect(Collectors.toUnmodifiableSet());
        if (!want.equals(subscribed)) {
            subscribed = want;
            subscribe(want);
        }
    }

    private synchronized Set<PaneId> changed(String value) {
        Set<PaneId> changed = new HashSet<>();
        for (String entry : value.split("\\|")) {
            PaneLine line = PaneLine.parse(entry.strip());
            if (line != null && subscribed.contains(line.pane())
                    && !line.equals(last.put(line.pane(), line))) {
                changed.add(line.pane());
            }
        }
        return changed;
    }

    private void subscribe(Set<PaneId> panes) {
        synchronized (this) {
            subscriptions++;
        }
        if (panes.isEmpty()) {
            control.unsubscribe(NAME);
        } else {
            control.subscribe(NAME, format(panes));
        }
    }

    /**
     * Every pane of every window of every session, kept only when its id is one of the watched ones: a pane
     * subscription ({@code %3}) would be checked only in the session the control client sits on.
     */
    static String format(Set<PaneId> panes) {
        String ids = panes.stream().map(PaneId::value).map(TmuxNames::paneId)
                .collect(Collectors.toCollection(TreeSet::new)).stream().collect(Collectors.joining("|", "|", "|"));
        return "#{S:#{W:#{P:#{?#{m:*|#{pane_id}|*," + ids + "},"
                + "#{pane_id} #{window_activity} #{cursor_y} #{pane_height} #{history_size}|,}}}}";
    }

    /** One pane's part of the subscription's text. */
    private record PaneLine(PaneId pane, String activity, int cursorRow, int height, String history) {

        static PaneLine parse(String entry) {
            String[] words = entry.split(" ");
            if (words.length != 5 || !PaneId.isValid(words[0])) {
                return null;
            }
            try {
                return new PaneLine(PaneId.of(words[0]), words[1], Integer.parseInt(words[2]),
                        Integer.parseInt(words[3]), words[4]);
            } catch (NumberFormatException malformed) {
                return null;
            }
        }
    }
}
