package dev.opensessions.sidebar.model;

import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.AgentTracker;
import dev.opensessions.domain.metadata.SessionMetadata;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.sidebar.AgentScope;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The agents panel's rows and where they sit, shared by the view, the keys and the mouse so a
 * selection or a click means the agent drawn there. Lines count from the panel's title row (line 0).
 * The current scope has the focused session's directory and links lines, then entries of two lines, an
 * optional prompt line and a spacer; the all scope has one line an agent.
 *
 * <p>Below the agents the current scope shows the session's metadata: its status pill, its progress (two
 * lines) and its newest log lines, at most {@link #LOG_LINES}. When the panel is too short for all of it, the
 * newest log line always stays: the oldest log lines are cut first, down to what leaves one agent entry
 * room, and the agents that do not fit are counted on one hint line ({@code +3 more}).
 */
public final class AgentRows {

    /** The most log lines the panel shows, the newest ones. */
    public static final int LOG_LINES = 8;

    private AgentRows() {
    }

    /**
     * The agents drawn in a panel of {@code rows} lines: indexes {@code first} (inclusive) to {@code end}
     * (exclusive), {@code hidden} of the others counted on the hint line, which follows the last one drawn.
     */
    public record Shown(int first, int end, int hidden) {
    }

    /** The metadata lines below the agents: the status pill (0 or 1), progress (0 or 2), and the logs shown. */
    public record Below(int status, int progress, int logs) {

        public int lines() {
            return status + progress + logs;
        }
    }

    /** What the metadata part shows in a panel of {@code rows} lines; nothing in the all scope. */
    public static Below below(SidebarState state, int rows) {
        Optional<SessionMetadata> metadata = described(state).map(s -> state.snapshot().metadataOf(s.name()));
        if (metadata.isEmpty()) {
            return new Below(0, 0, 0);
        }
        int status = metadata.get().status() == null ? 0 : 1;
        int progress = metadata.get().progress() == null ? 0 : 2;
        int logs = Math.min(LOG_LINES, metadata.get().logs().size());
        int room = rows - headerLines(state);
        List<AgentThread> agents = of(state);
        int need = agents.isEmpty() ? 0 : span(state, agents, 0, agents.size() - 1);
        if (need + status + progress + logs > room && logs > 1) {
            // Agents keep room for one entry and the hint; the oldest log lines give way, never the newest.
            int keep = agents.isEmpty() ? 0 : Math.min(need, entryLines(state, agents.getFirst()) + 1);
            logs = Math.max(1, Math.min(logs, room - status - progress - keep));
        }
        return new Below(status, progress, logs);
    }

    /** The lines the agents (and their hint) may take in a panel of {@code rows} lines. */
    public static int agentRoom(SidebarState state, int rows) {
        return Math.max(0, rows - headerLines(state) - below(state, rows).lines());
    }

    /** The agents drawn in a panel of {@code rows} lines, the selection scrolled into view. */
    public static Shown shown(SidebarState state, int rows) {
        List<AgentThread> agents = of(state);
        int room = agentRoom(state, rows);
        if (agents.isEmpty() || span(state, agents, 0, agents.size() - 1) <= room) {
            return new Shown(0, agents.size(), 0);
        }
        // Some are cut: one line of the room is the hint's.
        int fit = Math.max(0, room - 1);
        int selected = Math.max(0, selectedIndex(state));
        int first = 0;
        while (first < selected && span(state, agents, first, selected) > fit) {
            first++;
        }
        int end = first;
        while (end < agents.size() && span(state, agents, first, end) <= fit) {
            end++;
        }
        return new Shown(first, end, agents.size() - (end - first));
    }

    /** The agents the panel lists: the focused session's, or every displayed session's in display order. */
    public static List<AgentThread> of(SidebarState state) {
        if (state.panel().scope() == AgentScope.ALL) {
            return state.listing().everyAgent();
        }
        AgentTracker agents = state.snapshot().agents();
        Set<PaneId> focusedPanes = state.snapshot().topology().focusedPanes();
        return state.focusedSession().map(s -> agents.visible(s, focusedPanes)).orElse(List.of());
    }

    /** The selected row's index, clamped to the rows; -1 when there are none. */
    public static int selectedIndex(SidebarState state) {
        return Math.min(state.panel().agentIndex(), of(state).size() - 1);
    }

    public static Optional<AgentThread> selected(SidebarState state) {
        List<AgentThread> rows = of(state);
        int index = selectedIndex(state);
        return index < 0 ? Optional.empty() : Optional.of(rows.get(index));
    }

    /** The focused session in the current scope, whose directory, links and metadata the panel shows. */
    public static Optional<Session> described(SidebarState state) {
        if (state.panel().scope() == AgentScope.ALL) {
            return Optional.empty();
        }
        return state.focusedSession().flatMap(state.snapshot().topology()::session);
    }

    /** Lines before the first agent: the title, then in the current scope the directory and links lines. */
    public static int headerLines(SidebarState state) {
        return described(state)
                .map(s -> 1 + (s.directory().isBlank() ? 0 : 1) + (s.ports().isEmpty() ? 0 : 1))
                .orElse(1);
    }

    /** The line of the links row in the current scope, when the session listens on ports. */
    public static Optional<Integer> linksLine(SidebarState state) {
        return described(state).filter(s -> !s.ports().isEmpty()).map(s -> headerLines(state) - 1);
    }

    /** Lines one agent's entry takes, the spacer included. */
    public static int entryLines(SidebarState state, AgentThread agent) {
        if (state.panel().scope() == AgentScope.ALL) {
            return 1;
        }
        return 3 + (agent.lastUserPrompt() == null ? 0 : 1);
    }

    /** The first agent drawn in a panel of {@code rows} lines: the selection scrolls into view. */
    public static int firstShown(SidebarState state, int rows) {
        return shown(state, rows).first();
    }

    /** The index of the agent drawn on panel line {@code line}, spacer and hint lines excluded. */
    public static Optional<Integer> at(SidebarState state, int line, int rows) {
        List<AgentThread> agents = of(state);
        Shown shown = shown(state, rows);
        int y = headerLines(state);
        for (int i = shown.first(); i < shown.end(); i++) {
            int lines = entryLines(state, agents.get(i));
            int drawn = state.panel().scope() == AgentScope.ALL ? lines : lines - 1;
            if (line >= y && line < y + drawn) {
                return Optional.of(i);
            }
            y += lines;
        }
        return Optional.empty();
    }

    /** Lines from agent {@code from} to the end of agent {@code to}'s text (its spacer left out). */
    private static int span(SidebarState state, List<AgentThread> agents, int from, int to) {
        int lines = 0;
        for (int i = from; i <= to; i++) {
            lines += entryLines(state, agents.get(i));
        }
        return state.panel().scope() == AgentScope.ALL ? lines : lines - 1;
    }
}
