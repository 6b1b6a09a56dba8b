package dev.opensessions.application.port.out;

import dev.opensessions.domain.session.PaneId;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

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
        /**
         * Queued for the pane; {@code handled} completes once tmux has read the bytes and acted on them (passed
         * them through to the clients that were ready for it), or when the pane went away first.
         */
        record Queued(CompletionStage<Void> handled) implements WriteOutcome {

            /** Queued, with nothing to wait for (a pane that cannot tell when tmux read the bytes). */
            public static Queued now() {
                return new Queued(CompletableFuture.completedFuture(null));
            }
        }

        /** No sidebar pane with that id is connected. */
        record NoSuchPane() implements WriteOutcome {
        }
    }
}
