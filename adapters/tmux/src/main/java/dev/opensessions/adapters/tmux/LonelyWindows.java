package dev.opensessions.adapters.tmux;

import dev.opensessions.domain.session.SessionName;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Closes windows left with only sidebars (docs/reference/sidebar.md#no-window-holds-only-sidebars): the window is
 * killed, or, when it was the last window of its session, the session is ended with its clients moved to the previous
 * (else next) session in display order. Each window is acted on once. Not thread-safe: one thread owns it.
 */
final class LonelyWindows {

    private static final System.Logger LOG = System.getLogger(LonelyWindows.class.getName());

    private final TmuxPaneCommands panes;
    private final TmuxMultiplexer multiplexer;
    private final Supplier<List<SessionName>> displayOrder;
    private final Set<String> closing = new HashSet<>();

    LonelyWindows(TmuxPaneCommands panes, TmuxMultiplexer multiplexer, Supplier<List<SessionName>> displayOrder) {
        this.panes = panes;
        this.multiplexer = multiplexer;
        this.displayOrder = displayOrder;
    }

    /** Acts on the snapshot's lonely windows not acted on yet; blocks while a session is ended. */
    void close(TmuxSnapshot snapshot) {
        Set<String> lonely = SidebarLayout.lonely(snapshot);
        closing.retainAll(lonely);
        for (String window : lonely) {
            if (closing.add(window)) {
                close(snapshot, window);
            }
        }
    }

    private void close(TmuxSnapshot snapshot, String window) {
        LOG.log(System.Logger.Level.INFO, "window " + window + " holds only sidebars; closing it");
        List<TmuxSession> ending = snapshot.sessions().stream()
                .filter(s -> s.windows().equals(List.of(window))).toList();
        boolean ended = false;
        for (TmuxSession session : ending) {
            ended |= end(session);
        }
        if (!ended) {
            // Killing the window also ends a session it was the last of, with tmux choosing where clients go.
            panes.killWindow(window);
        }
    }

    private boolean end(TmuxSession session) {
        SessionName name;
        try {
            name = SessionName.of(session.name());
        } catch (IllegalArgumentException unusable) {
            return false;
        }
        multiplexer.killSession(name, displayOrder.get());
        return true;
    }
}
