package dev.opensessions.sidebar.view;

import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.AgentTracker;
import dev.opensessions.domain.agent.Attention;
import dev.opensessions.domain.session.GitStatus;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.sidebar.model.Filter;
import dev.opensessions.sidebar.model.Layout;
import dev.opensessions.sidebar.model.SidebarState;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Draws the header with its counters and the scrolled session list, three rows a session (SPEC 7.1, 7.2). */
final class SessionListView {

    /** Statuses that count a session in the header's ⚡ counter (SPEC 7.1). */
    private static final Set<AgentStatus> ACTIVE = EnumSet.of(AgentStatus.RUNNING, AgentStatus.TOOL_RUNNING,
            AgentStatus.WAITING, AgentStatus.INTERRUPTED, AgentStatus.STALE, AgentStatus.ERROR);
    /** Where the name and the detail row start: marker, space, two-digit index, space, signal, space. */
    static final int NAME_COLUMN = 7;

    private SessionListView() {
    }

    static void header(Painter painter, SidebarState state, Theme theme) {
        AgentTracker agents = state.snapshot().agents();
        List<Session> displayed = state.snapshot().displayedSessions(state.current());
        long active = displayed.stream().filter(s -> agents.visible(s.name(), Set.of()).stream()
                .anyMatch(t -> ACTIVE.contains(t.status()))).count();
        long unseen = displayed.stream().filter(s -> agents.unseen(s.name())).count();
        int end = painter.width() - 1;
        int start = painter.textRight(end, 0, " " + state.sessions().size(), theme.fg(theme.subtext0()));
        start = painter.textRight(start, 0, " ●" + unseen, theme.fg(theme.teal()));
        start = painter.textRight(start, 0, "⚡" + active, theme.fg(theme.yellow()));
        String title = state.filter() == Filter.ALL ? " sessions" : " " + state.filter().label();
        painter.text(0, 0, TextWidth.truncate(title, start - 1), theme.fg(theme.subtext1()).withBold(true), start - 1);
    }

    static void list(Painter painter, SidebarState state, Theme theme) {
        Layout layout = state.layout();
        List<Session> sessions = state.sessions();
        if (sessions.isEmpty()) {
            painter.text(0, layout.listTop(), " no sessions", theme.fg(theme.overlay0()), painter.width());
            return;
        }
        Optional<SessionName> current = state.current();
        Optional<SessionName> focused = state.focusedSession();
        int last = Math.min(sessions.size(), state.scroll() + layout.capacity());
        for (int i = state.scroll(); i < last; i++) {
            Session session = sessions.get(i);
            int y = layout.listTop() + (i - state.scroll()) * Layout.ROWS_PER_SESSION;
            boolean isCurrent = current.filter(session.name()::equals).isPresent();
            boolean isFocused = focused.filter(session.name()::equals).isPresent();
            nameRow(painter, y, i, session, state, isCurrent, isFocused, theme);
            detailRow(painter, y + 1, session, theme);
        }
    }

    private static void nameRow(Painter painter, int y, int index, Session session, SidebarState state,
                                boolean isCurrent, boolean isFocused, Theme theme) {
        int limit = painter.width();
        Color background = isFocused ? theme.surface0() : Color.DEFAULT;
        painter.fill(0, y, limit, " ", CellStyle.PLAIN.withBackground(background));
        if (isCurrent) {
            painter.text(0, y, "▌", theme.fg(theme.green()).withBackground(background), limit);
        } else if (isFocused) {
            painter.text(0, y, "›", theme.fg(theme.lavender()).withBackground(background), limit);
        }
        painter.text(2, y, "%02d".formatted(index + 1), theme.fg(theme.overlay1()).withBackground(background), limit);
        Attention attention = state.snapshot().agents().attention(session.name()).orElse(Attention.IDLE);
        painter.text(5, y, Signals.glyph(attention, state.spinnerFrame()),
                Signals.style(attention, theme).withBackground(background), limit);
        CellStyle name = theme.fg(isFocused ? theme.lavender() : theme.text())
                .withBold(isCurrent || isFocused).withBackground(background);
        painter.text(NAME_COLUMN, y, TextWidth.truncate(session.name().value(), limit - 1 - NAME_COLUMN), name, limit - 1);
    }

    /** Branch or directory, first port, diff counts; the branch gives way first, then the diff (SPEC 7.7). */
    private static void detailRow(Painter painter, int y, Session session, Theme theme) {
        int room = painter.width() - 1 - NAME_COLUMN;
        GitStatus git = session.git();
        String label = label(session);
        String port = session.ports().isEmpty() ? ""
                : "⌁" + session.ports().getFirst()
                + (session.ports().size() > 1 ? " (+" + (session.ports().size() - 1) + ")" : "");
        String diff = git != null && git.dirty() ? "+" + git.insertions() + " -" + git.deletions() : "";
        int portWidth = port.isEmpty() ? 0 : TextWidth.of(port) + (label.isEmpty() ? 0 : 2);
        int diffWidth = diff.isEmpty() ? 0 : TextWidth.of(diff) + 1;
        if (portWidth + diffWidth > room) {
            diff = "";
            diffWidth = 0;
        }
        int at = painter.text(NAME_COLUMN, y, TextWidth.truncate(label, room - portWidth - diffWidth),
                theme.fg(theme.subtext0()), NAME_COLUMN + room);
        if (!port.isEmpty()) {
            int start = at == NAME_COLUMN ? at : at + 2;
            painter.text(start, y, TextWidth.truncate(port, NAME_COLUMN + room - start), theme.fg(theme.mauve()),
                    NAME_COLUMN + room);
        }
        if (!diff.isEmpty()) {
            int end = NAME_COLUMN + room;
            int start = painter.textRight(end, y, "-" + git.deletions(), theme.fg(theme.red()));
            painter.textRight(start - 1, y, "+" + git.insertions(), theme.fg(theme.green()));
        }
    }

    /** The branch, or the directory's name when there is no branch and it differs from the session name. */
    private static String label(Session session) {
        if (session.git() != null && !session.git().branch().isBlank()) {
            return session.git().branch();
        }
        if (session.directory().isBlank()) {
            return "";
        }
        String base = basename(session.directory());
        return base.equals(session.name().value()) ? "" : base;
    }

    static String basename(String directory) {
        String trimmed = directory.replaceAll("/+$", "");
        return trimmed.substring(trimmed.lastIndexOf('/') + 1);
    }

    /** True when a running agent's spinner is on screen in the list. */
    static boolean spinnerVisible(SidebarState state) {
        List<Session> sessions = state.sessions();
        int last = Math.min(sessions.size(), state.scroll() + state.layout().capacity());
        return sessions.subList(Math.min(state.scroll(), last), last).stream()
                .anyMatch(s -> state.snapshot().agents().attention(s.name()).orElse(Attention.IDLE) == Attention.RUNNING);
    }
}
