package dev.opensessions.application.port.out;

import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.sidebar.SidebarSide;

import java.util.List;
import java.util.Optional;

/**
 * The sidebar panes inside the multiplexer's windows. The adapter keeps them as last asked
 * through {@link #maintain}: while visible, a window that a client turns to (a new window, a window
 * selected, a session switched to) gets a sidebar; every sidebar is held at the width, repaired after any
 * drift and never adopted from it; a window left with only its sidebar is closed (its session ends when it
 * was the last, its clients moved to the previous or next session first).
 */
public interface SidebarPanes {

    /** Sets what to keep: shown or not, and the fixed width (also mirrored to {@code @opensessions_width}). */
    void maintain(boolean visible, int width);

    /** Sets the side sidebars open at from now on; sidebars already open stay where they are. */
    void dock(SidebarSide side);

    /**
     * The user's tmux option {@code @opensessions-position} as written, empty when it is unset; waits for
     * the multiplexer to be reachable at most its command timeout, then raises {@link MultiplexerException}.
     */
    Optional<String> sideOption();

    /**
     * Every window that can hold a sidebar, once each (linked windows dedupe by id), ranked: the window the
     * origin client shows, then the other windows of its session, then all the others.
     */
    List<String> windows(Optional<String> originClientTty);

    /** The window a client shows, if it is attached. */
    Optional<String> windowOf(String clientTty);

    /** Opens a sidebar in the window unless it has one; the new pane, or empty when it had one or is gone. */
    Optional<PaneId> open(String windowId);

    /** True while the window exists and holds no sidebar pane. */
    boolean lacksSidebar(String windowId);

    /** Kills every sidebar pane; once it returns, {@link #lacksSidebar} is true for every window that exists. */
    void closeAll();
}
