package dev.opensessions.adapters.tmux;

import dev.opensessions.domain.sidebar.SidebarSide;

import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** What one snapshot says about sidebars: where clients look, which windows have or need one, which are lonely. */
final class SidebarLayout {

    /** The hidden session older versions parked sidebars in; it never gets one. */
    static final String STASH = "_os_stash";

    private SidebarLayout() {
    }

    /** The window a user client shows: its session's current window. */
    static Optional<String> windowOf(TmuxSnapshot snapshot, String clientTty) {
        return snapshot.clients().stream().filter(c -> c.tty().equals(clientTty)).findFirst()
                .flatMap(client -> currentWindow(snapshot, client.sessionId()));
    }

    static Optional<String> currentWindow(TmuxSnapshot snapshot, String sessionId) {
        return snapshot.windows().stream().filter(w -> w.sessionId().equals(sessionId) && w.active())
                .map(TmuxWindow::id).findFirst();
    }

    static boolean exists(TmuxSnapshot snapshot, String windowId) {
        return snapshot.windows().stream().anyMatch(w -> w.id().equals(windowId));
    }

    static List<TmuxPane> panesIn(TmuxSnapshot snapshot, String windowId) {
        return snapshot.panes().stream().filter(p -> p.windowId().equals(windowId)).toList();
    }

    static boolean hasSidebar(TmuxSnapshot snapshot, String windowId) {
        return panesIn(snapshot, windowId).stream().anyMatch(TmuxPane::sidebar);
    }

    /**
     * The pane a sidebar is split off, on the side it docks at: the window's leftmost content pane for the
     * left, its rightmost (the one whose right edge is furthest right) for the right.
     */
    static Optional<TmuxPane> anchor(TmuxSnapshot snapshot, String windowId, SidebarSide side) {
        List<TmuxPane> content = panesIn(snapshot, windowId).stream().filter(p -> !p.sidebar()).toList();
        return switch (side) {
            case LEFT -> content.stream().min(Comparator.comparingInt(TmuxPane::left));
            case RIGHT -> content.stream().max(Comparator.comparingInt(p -> p.left() + p.width()));
        };
    }

    /** The window edge a sidebar docking at that side is split off. */
    static Edge edge(SidebarSide side) {
        return switch (side) {
            case LEFT -> Edge.LEFT;
            case RIGHT -> Edge.RIGHT;
        };
    }

    /**
     * Windows holding panes that are all sidebars: their content is gone
     * (docs/reference/sidebar.md#no-window-holds-only-sidebars).
     */
    static Set<String> lonely(TmuxSnapshot snapshot) {
        Map<String, Boolean> onlySidebars = new HashMap<>();
        for (TmuxPane pane : snapshot.panes()) {
            onlySidebars.merge(pane.windowId(), pane.sidebar(), Boolean::logicalAnd);
        }
        Set<String> lonely = new LinkedHashSet<>();
        onlySidebars.forEach((window, only) -> {
            if (only) {
                lonely.add(window);
            }
        });
        return lonely;
    }

    /**
     * Every window once (a linked window is one window), ranked: the origin client's current window, the other
     * windows of its session, then all the others in session then index order.
     */
    static List<String> ranked(TmuxSnapshot snapshot, Optional<String> originClientTty) {
        Map<String, Integer> sessionRank = new HashMap<>();
        for (TmuxSession session : snapshot.sessions()) {
            if (!session.name().equals(STASH)) {
                sessionRank.putIfAbsent(session.id(), sessionRank.size());
            }
        }
        List<TmuxWindow> ordered = snapshot.windows().stream().filter(w -> sessionRank.containsKey(w.sessionId()))
                .sorted(Comparator.<TmuxWindow>comparingInt(w -> sessionRank.get(w.sessionId()))
                        .thenComparingInt(TmuxWindow::index))
                .toList();
        Set<String> ranked = new LinkedHashSet<>();
        Optional<String> originSession = originClientTty.flatMap(tty -> snapshot.clients().stream()
                .filter(c -> c.tty().equals(tty)).findFirst()).map(TmuxClient::sessionId);
        originSession.ifPresent(session -> {
            currentWindow(snapshot, session).ifPresent(ranked::add);
            ordered.stream().filter(w -> w.sessionId().equals(session)).forEach(w -> ranked.add(w.id()));
        });
        ordered.forEach(w -> ranked.add(w.id()));
        return List.copyOf(ranked);
    }
}
