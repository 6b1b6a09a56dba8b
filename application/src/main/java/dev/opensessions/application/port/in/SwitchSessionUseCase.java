package dev.opensessions.application.port.in;

import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;

/**
 * Switches the tmux client that shows a given pane (a sidebar's own client, docs/reference/sidebar.md#current-row) to a
 * session; other clients are never touched.
 */
public interface SwitchSessionUseCase {

    SwitchOutcome switchFrom(PaneId pane, SessionName target);

    /**
     * {@link #switchFrom(PaneId, SessionName)}; with {@code stayInSidebar} the keyboard then moves to the
     * sidebar of the window the client shows (Tab cycling from a sidebar goes on in the next one).
     */
    default SwitchOutcome switchFrom(PaneId pane, SessionName target, boolean stayInSidebar) {
        return switchFrom(pane, target);
    }

    /**
     * Switches the client with that tty to the N-th (1-based) session it sees listed: display order, hidden
     * ones dropped (never its own), the shared filter applied ({@code POST /switch-index}).
     */
    SwitchOutcome switchClientToIndex(String clientTty, int index);

    /** What became of a switch request. */
    sealed interface SwitchOutcome {

        record Switched(String clientTty) implements SwitchOutcome {
        }

        /** No live session has that name. */
        record UnknownSession() implements SwitchOutcome {
        }

        /** No attached client shows the pane's session (the pane is in a detached session), or no such client. */
        record NoClient() implements SwitchOutcome {
        }

        /** The index names no listed session; nothing changed. */
        record OutOfRange(int index, int listed) implements SwitchOutcome {
        }

        /** The multiplexer failed or did not answer; nothing changed. */
        record Failed(String reason) implements SwitchOutcome {
        }
    }
}
