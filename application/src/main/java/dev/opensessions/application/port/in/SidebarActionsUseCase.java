package dev.opensessions.application.port.in;

import dev.opensessions.domain.agent.ThreadKey;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.sidebar.DiffPlace;

import java.util.List;
import java.util.Optional;

/**
 * What a sidebar pane asks of tmux and the machine on its user's behalf. {@code from} is
 * the asking sidebar pane: the tmux client that shows it is the one acted on, never another client.
 */
public interface SidebarActionsUseCase {

    /** Shows the agent's pane on the asking client: session, window and pane, with a short flash. */
    void focusAgent(PaneId from, PaneId agentPane);

    /** The user looked at an agent row (Enter or a click on it): its unseen marker clears. */
    void markAgentSeen(SessionName session, ThreadKey thread);

    /** Drops an agent row from the panel (it comes back with the agent's next event). */
    void dismissAgent(SessionName session, ThreadKey thread);

    /** Kills the agent's pane. */
    void killPane(PaneId agentPane);

    /**
     * Kills sessions (one, or every session of a worktree group). A client showing one of them is first
     * moved to the previous session in display order, else the next.
     */
    void killSessions(PaneId from, List<SessionName> sessions);

    /** Opens a diff viewer (lazygit, else tig, else {@code git diff}) in the session's directory. */
    void openDiff(PaneId from, SessionName session, DiffPlace place);

    /**
     * Opens the fzf sessionizer popup on the asking client. False when fzf is not installed or the popup
     * could not be shown: the sidebar then offers its own directory picker.
     */
    boolean openSessionizer(PaneId from);

    /** Directories the built-in picker offers: {@code SESSIONIZER_DIR} roots searched to the configured depth. */
    List<String> projectDirectories();

    /** Creates (or reuses) a session for the directory, named after it, and switches the asking client to it. */
    SwitchSessionUseCase.SwitchOutcome openProject(PaneId from, String directory);

    /** Opens {@code http://localhost:<port>} in the user's browser. */
    Optional<String> openPort(int port);
}
