package dev.opensessions.application.port.out;

import dev.opensessions.domain.session.PaneId;

/**
 * Writes bytes to a sidebar pane's terminal between two of its frames, never inside one: how a notification
 * sequence reaches the user's terminal through tmux's passthrough.
 */
@FunctionalInterface
public interface SidebarOutput {

    WriteOutcome write(PaneId sidebarPane, String sequence);

    /** A server without sidebar panes. */
    static SidebarOutput none() {
        return (pane, sequence) -> new WriteOutcome.NoSuchPane();
    }

    /** What became of a write. */
    sealed interface WriteOutcome {
        record Queued() implements WriteOutcome {
        }

        /** No sidebar pane with that id is connected. */
        record NoSuchPane() implements WriteOutcome {
        }
    }
}
