package dev.opensessions.application.port.out;

import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;

import java.util.List;
import java.util.Optional;

/**
 * Acts on the terminal multiplexer for the user: switch a client, create, rename and kill sessions.
 * Sessions are named as the core knows them; the adapter finds them exactly (no prefix or pattern
 * matching) and passes every value as an argument, never as shell text. Calls block until the
 * multiplexer has answered; a multiplexer that fails or does not answer raises {@link MultiplexerException}.
 */
public interface Multiplexer {

    /** Shows the session on the client whose terminal is {@code clientTty}. */
    SwitchOutcome switchClient(String clientTty, SessionName session);

    /**
     * Creates a detached session in {@code directory} (null: the multiplexer's default). The name is
     * sanitized as the multiplexer requires ({@code .} and {@code :} become {@code _}); the result is the
     * name the session really got.
     */
    SessionName createSession(String name, String directory);

    /** Renames a session, sanitized as for {@link #createSession}. */
    RenameOutcome renameSession(SessionName session, String newName);

    /**
     * Kills a session, first moving every client that shows it to the session before it in
     * {@code displayOrder}, else the one after it, so nobody is left detached.
     */
    KillOutcome killSession(SessionName session, List<SessionName> displayOrder);

    /**
     * The terminal of a user client showing the pane (looking at it, else showing its session), asked of the
     * multiplexer itself: for the moment after a client attaches, before the state has heard of it.
     */
    Optional<String> clientShowing(PaneId pane);

    /**
     * Shows a pane on one client: switches the client to the pane's session, selects its window and the
     * pane, and flashes the pane's background for about 180 ms. Nothing changes when the client or the
     * pane is gone.
     */
    FocusOutcome focusPane(String clientTty, PaneId pane);

    /**
     * Moves the keyboard of a client to the sidebar of the window it shows once it shows {@code session},
     * waiting a moment (at most the command timeout) for the switch to land and a sidebar to open there.
     */
    SidebarFocusOutcome focusSidebar(String clientTty, SessionName session);

    /** Kills one pane. */
    PaneKillOutcome killPane(PaneId pane);

    /**
     * Shows a popup on one client running {@code command} (argument vector, no shell) in {@code directory};
     * it closes when the program exits. Sizes are cells or percentages as tmux takes them ({@code 90%}).
     */
    void openPopup(String clientTty, String directory, List<String> command, String width, String height);

    /** Opens a new window in the session running {@code command} (argument vector) in {@code directory}. */
    void openWindow(SessionName session, String directory, List<String> command);

    /**
     * Shows a line on the status line of one user client ({@code display-message -c}), as text: nothing in it
     * is expanded as a format.
     */
    MessageOutcome showMessage(String clientTty, String text);

    /**
     * The pane through which bytes reach the terminal of one client unchanged: the sidebar pane of the window
     * the client shows, when tmux lets that pane pass sequences through ({@code allow-passthrough} on or all).
     */
    PassthroughOutcome passthroughPane(String clientTty);

    /** What became of a message. */
    sealed interface MessageOutcome {
        record Shown() implements MessageOutcome {
        }

        record UnknownClient() implements MessageOutcome {
        }
    }

    /** Where bytes for a client's terminal can go. */
    sealed interface PassthroughOutcome {
        /** Through this sidebar pane. */
        record Through(PaneId sidebarPane) implements PassthroughOutcome {
        }

        /** The window the client shows has no sidebar pane. */
        record NoSidebar() implements PassthroughOutcome {
        }

        /** The sidebar pane's {@code allow-passthrough} is off: tmux would drop the bytes. */
        record PassthroughOff() implements PassthroughOutcome {
        }

        record UnknownClient() implements PassthroughOutcome {
        }
    }

    /** What became of a switch. */
    sealed interface SwitchOutcome {
        record Switched() implements SwitchOutcome {
        }

        record UnknownSession() implements SwitchOutcome {
        }

        record UnknownClient() implements SwitchOutcome {
        }
    }

    /** What became of showing a pane on a client. */
    sealed interface FocusOutcome {
        record Focused() implements FocusOutcome {
        }

        record UnknownClient() implements FocusOutcome {
        }

        record UnknownPane() implements FocusOutcome {
        }
    }

    /** What became of moving a client's keyboard to a sidebar. */
    sealed interface SidebarFocusOutcome {
        record Focused() implements SidebarFocusOutcome {
        }

        record UnknownClient() implements SidebarFocusOutcome {
        }

        /** The client does not show the session, or its window has no sidebar, within the wait. */
        record NoSidebar() implements SidebarFocusOutcome {
        }
    }

    /** What became of killing a pane. */
    sealed interface PaneKillOutcome {
        record Killed() implements PaneKillOutcome {
        }

        record UnknownPane() implements PaneKillOutcome {
        }
    }

    /** What became of a rename. */
    sealed interface RenameOutcome {
        record Renamed(SessionName name) implements RenameOutcome {
        }

        record UnknownSession() implements RenameOutcome {
        }
    }

    /** What became of a kill. */
    sealed interface KillOutcome {
        record Killed() implements KillOutcome {
        }

        record UnknownSession() implements KillOutcome {
        }
    }
}
