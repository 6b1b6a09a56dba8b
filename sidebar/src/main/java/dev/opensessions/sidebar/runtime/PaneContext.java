package dev.opensessions.sidebar.runtime;

import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.domain.session.PaneId;

import java.util.Objects;

/**
 * Who a new sidebar program runs for: its tmux pane (for a popup, the pane it was opened over), whether it
 * is a popup, its size in cells, and the state at connect time.
 */
public record PaneContext(PaneId pane, boolean popup, int width, int height, StateSnapshot snapshot) {

    public PaneContext {
        Objects.requireNonNull(pane, "pane");
        Objects.requireNonNull(snapshot, "snapshot");
        if (width < 1 || height < 1) {
            throw new IllegalArgumentException("pane size must be positive");
        }
    }

    /** A docked sidebar pane. */
    public PaneContext(PaneId pane, int width, int height, StateSnapshot snapshot) {
        this(pane, false, width, height, snapshot);
    }
}
