package dev.opensessions.sidebar.model;

import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.AgentTracker;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.sidebar.AgentScope;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The agents panel's rows and where they sit (SPEC 7.3), shared by the view, the keys and the mouse so a
 * selection or a click means the agent drawn there. Lines count from the panel's title row (line 0).
 * The current scope has the focused session's directory and links lines, then entries of two lines, an
 * optional prompt line and a spacer; the all scope has one line an agent.
 */
public final class AgentRows {

    private AgentRows() {
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
        List<AgentThread> agents = of(state);
        int selected = selectedIndex(state);
        int room = rows - headerLines(state);
        int first = 0;
        while (first < selected && span(state, agents, first, selected) > room) {
            first++;
        }
        return first;
    }

    /** The index of the agent drawn on panel line {@code line}, spacer lines excluded. */
    public static Optional<Integer> at(SidebarState state, int line, int rows) {
        List<AgentThread> agents = of(state);
        int y = headerLines(state);
        for (int i = firstShown(state, rows); i < agents.size() && y < rows; i++) {
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
