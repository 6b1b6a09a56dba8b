package dev.opensessions.sidebar.model;

import dev.opensessions.domain.agent.ThreadKey;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.sidebar.DiffPlace;
import dev.opensessions.domain.sidebar.SessionFilter;
import dev.opensessions.domain.sidebar.ThemeChoice;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/** What a sidebar asks the server to do, as data; the runtime carries it out for the pane's own client. */
public sealed interface Effect {

    /**
     * Show the session on the tmux client that shows this pane; with {@code stayInSidebar} (Tab and
     * Shift-Tab) the keyboard stays in the sidebar of the window switched to, so the next Tab goes on cycling.
     */
    record SwitchSession(SessionName session, boolean stayInSidebar) implements Effect {
        public SwitchSession {
            Objects.requireNonNull(session, "session");
        }

        public SwitchSession(SessionName session) {
            this(session, false);
        }
    }

    /** Quit the whole server and every sidebar ({@code q}, docs/reference/sidebar.md#quit-is-final). */
    record QuitServer() implements Effect {
    }

    /** Close only this pane ({@code Ctrl-C}). */
    record ClosePane() implements Effect {
    }

    /** Hide the session from every sidebar ({@code d}); the order file keeps it hidden. */
    record HideSession(SessionName session) implements Effect {
        public HideSession {
            Objects.requireNonNull(session, "session");
        }
    }

    /** Show every hidden session again ({@code u}). */
    record ShowAllSessions() implements Effect {
    }

    /** Puts the displayed sessions in this order (a group moved as a block, a drag-reorder); persisted. */
    record ArrangeSessions(List<SessionName> order) implements Effect {
        public ArrangeSessions {
            order = List.copyOf(order);
        }
    }

    /** Shows the agent's pane on this pane's client (agents panel Enter, a click on a signal). */
    record FocusAgent(PaneId agentPane) implements Effect {
        public FocusAgent {
            Objects.requireNonNull(agentPane, "agentPane");
        }
    }

    /**
     * The user looked at an agent row (Enter or a click on it in the agents panel): its unseen marker clears,
     * whether or not the agent has a pane to show.
     */
    record MarkAgentSeen(SessionName session, ThreadKey thread) implements Effect {
        public MarkAgentSeen {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(thread, "thread");
        }
    }

    /** Drops an agent row ({@code d} in the agents panel). */
    record DismissAgent(SessionName session, ThreadKey thread) implements Effect {
        public DismissAgent {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(thread, "thread");
        }
    }

    /** Kills the agent's pane ({@code x} in the agents panel). */
    record KillAgentPane(PaneId agentPane) implements Effect {
        public KillAgentPane {
            Objects.requireNonNull(agentPane, "agentPane");
        }
    }

    /** Kills the sessions (one, or a whole worktree group) after the kill confirm said yes. */
    record KillSessions(List<SessionName> sessions) implements Effect {
        public KillSessions {
            sessions = List.copyOf(sessions);
        }
    }

    /** Opens the diff viewer for the session ({@code l} popup, {@code L} window, a click on {@code +i -d}). */
    record OpenDiff(SessionName session, DiffPlace place) implements Effect {
        public OpenDiff {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(place, "place");
        }
    }

    /**
     * New session ({@code n}, {@code c}): the fzf popup when fzf exists; otherwise the runtime answers with
     * {@link Msg.ProjectsListed} and the sidebar shows its own picker.
     */
    record NewSession() implements Effect {
    }

    /** Creates or reuses the session for a directory chosen in the built-in picker and switches to it. */
    record OpenProject(String directory) implements Effect {
        public OpenProject {
            Objects.requireNonNull(directory, "directory");
        }
    }

    /** Opens {@code http://localhost:<port>} in the browser (a click on a port). */
    record OpenPort(int port) implements Effect {
    }

    /**
     * Moves this pane's client to the next agent that needs the user ({@code N}, docs/reference/key-bindings.md#jump).
     */
    record JumpNext() implements Effect {
    }

    /** Re-reads tmux ({@code r}). */
    record Refresh() implements Effect {
    }

    /** Applies a theme to every sidebar and persists it (theme picker Enter). */
    record SetTheme(ThemeChoice theme) implements Effect {
        public SetTheme {
            Objects.requireNonNull(theme, "theme");
        }
    }

    /** Sets the fixed sidebar width (the width slider, debounced); the only way the width changes. */
    record SetWidth(int width) implements Effect {
    }

    /** Sets the shared session filter ({@code f}). */
    record SetFilter(SessionFilter filter) implements Effect {
        public SetFilter {
            Objects.requireNonNull(filter, "filter");
        }
    }

    /** Collapses or expands a worktree group for every sidebar; persisted. */
    record SetGroupCollapsed(String group, boolean collapsed) implements Effect {
        public SetGroupCollapsed {
            Objects.requireNonNull(group, "group");
        }
    }

    /** Sets the detail panel's height (separator drag); shared and persisted. */
    record SetDetailHeight(int rows) implements Effect {
    }

    /**
     * Tells the other sidebars that this pane, living in {@code session}, moved its keyboard focus to
     * {@code focused} (docs/reference/sidebar.md#keyboard-focus): they receive {@link Msg.PeerFocus} and those in the
     * same session adopt it. Carried out by the runtime, not the core.
     */
    record ShareFocus(SessionName session, SessionName focused) implements Effect {
        public ShareFocus {
            Objects.requireNonNull(session, "session");
            Objects.requireNonNull(focused, "focused");
        }
    }

    /**
     * Sends {@code msg} back to this pane after {@code delay}: debounces (width slider, 80 ms) and short
     * highlights (click flash, 150 ms). Carried out by the runtime, not the core.
     */
    /**
     * Read how long the session's agents waited for the user over the last day; the answer comes back as
     * {@link Msg.WaitsLoaded}.
     */
    record LoadWaits(SessionName session) implements Effect {
    }

    record Later(Duration delay, Msg msg) implements Effect {
        public Later {
            Objects.requireNonNull(delay, "delay");
            Objects.requireNonNull(msg, "msg");
        }
    }
}
