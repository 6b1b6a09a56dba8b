package dev.opensessions.adapters.tmux;

import dev.opensessions.application.port.out.PaneActivity;
import dev.opensessions.domain.session.PaneId;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Pane output activity from a tmux format subscription ({@code refresh-client -B}, tmux 3.2 and later) over the
 * control connection, which runs with {@code no-output} and so receives no pane bytes. The subscription names
 * only the watched panes, in every session, and carries each one's window activity time, cursor row, height and
 * history size; tmux checks it once a second and sends a line only when the text changed. While no pane is
 * watched there is no subscription at all. The last cursor row also tells {@link TmuxPaneScreens} where a
 * pane's text ends.
 */
public final class TmuxPaneActivity implements PaneActivity, ControlListener {

    /** The subscription's name; the model's own subscription has another. */
    static final String NAME = "opensessions-activity";

    private final TmuxControl control;
    private final List<Consumer<Set<PaneId>>> listeners = new CopyOnWriteArrayList<>();
    private final Map<PaneId, PaneLine> last = new HashMap<>();
    private Set<PaneId> watched = Set.of();
    private long subscriptions;

    TmuxPaneActivity(TmuxControl control) {
        this.control = Objects.requireNonNull(control, "control");
    }

    @Override
    public void watch(Set<PaneId> panes) {
        Set<PaneId> next = Set.copyOf(panes);
        synchronized (this) {
            if (next.equals(watched)) {
                return;
            }
            watched = next;
            last.keySet().retainAll(next);
        }
        subscribe(next);
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

    @Override
    public void connected() {
        // The control connection sets the subscription again on the new client, which reports every pane anew.
        synchronized (this) {
            last.clear();
        }
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
    }

    private synchronized Set<PaneId> changed(String value) {
        Set<PaneId> changed = new HashSet<>();
        for (String entry : value.split("\\|")) {
            PaneLine line = PaneLine.parse(entry.strip());
            if (line != null && watched.contains(line.pane()) && !line.equals(last.put(line.pane(), line))) {
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
