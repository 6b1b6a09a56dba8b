package dev.opensessions.adapters.tmux;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which sidebar panes to resize back to the fixed width (docs/reference/sidebar.md#one-fixed-width). An
 * observed width is never adopted, only repaired; the same observation (pane width, window width) is repaired once, so
 * a window too narrow to give the width gets one attempt instead of a resize loop. Not thread-safe: one thread owns it.
 */
final class SidebarWidth {

    /** What a sidebar looked like when its repair was issued. */
    private record Observation(int paneWidth, int windowWidth) {
    }

    private final Map<String, Observation> repaired = new HashMap<>();

    /** The sidebar panes of the snapshot to resize to {@code width} now. */
    List<String> repairs(TmuxSnapshot snapshot, int width) {
        Map<String, Integer> windowWidths = new HashMap<>();
        snapshot.windows().forEach(w -> windowWidths.putIfAbsent(w.id(), w.width()));
        Map<String, Observation> seen = new HashMap<>();
        List<String> repairs = new ArrayList<>();
        for (TmuxPane pane : snapshot.panes()) {
            if (!pane.sidebar() || pane.width() == width) {
                continue;
            }
            Observation now = new Observation(pane.width(), windowWidths.getOrDefault(pane.windowId(), 0));
            seen.put(pane.id(), now);
            if (!now.equals(repaired.get(pane.id()))) {
                repairs.add(pane.id());
            }
        }
        // A pane back at the width, or gone, starts afresh: its next drift is repaired again.
        repaired.clear();
        repaired.putAll(seen);
        return repairs;
    }

    /** Forgets every repair, for a new width: every sidebar that differs from it is resized. */
    void forget() {
        repaired.clear();
    }
}
