package dev.opensessions.sidebar.view;

import dev.opensessions.domain.agent.AgentTracker;
import dev.opensessions.domain.agent.Attention;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.sidebar.SessionFilter;
import dev.opensessions.domain.sidebar.SidebarPhase;
import dev.opensessions.sidebar.model.Layout;
import dev.opensessions.sidebar.model.Listing;
import dev.opensessions.sidebar.model.ListRow;
import dev.opensessions.sidebar.model.ListRows;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.TextWidth;
import dev.opensessions.sidebar.model.WaitClock;

import java.util.Optional;

/**
 * Draws the header with its counters or lifecycle label, and the scrolled session list: lone sessions and
 * worktree groups with their tree rail, with focus, hover, flash and drag marks.
 */
final class SessionListView {

    /** The header's title keeps this many columns (" sessions") before the wait's time is left out. */
    static final int TITLE_KEPT = 9;

    private SessionListView() {
    }

    static void header(Painter painter, SidebarState state, Theme theme) {
        int end = painter.width() - 1;
        int start = switch (state.snapshot().presence().phase()) {
            case READY -> counters(painter, state, theme, end);
            case WARMING -> {
                int label = painter.textRight(end, 0, " warming up…", theme.fg(theme.overlay1()));
                int spinner = painter.textRight(label, 0, Signals.glyph(Attention.RUNNING, state.spinnerFrame()),
                        theme.fg(theme.yellow()));
                painter.animate(spinner, 0);
                yield spinner;
            }
            case CLOSING -> painter.textRight(end, 0, "closing…", theme.fg(theme.peach()));
        };
        String title = state.filter() == SessionFilter.ALL ? " sessions" : " " + state.filter().label();
        painter.text(0, 0, TextWidth.truncate(title, start - 1), theme.fg(theme.subtext1()).withBold(true), start - 1);
    }

    /** The counters come with the state's listing, counted once per snapshot rather than once per frame. */
    private static int counters(Painter painter, SidebarState state, Theme theme, int end) {
        Listing listing = state.listing();
        int start = painter.textRight(end, 0, " " + listing.sessions().size(), theme.fg(theme.subtext0()));
        start = painter.textRight(start, 0, " ●" + listing.unseenCount(), theme.fg(theme.teal()));
        start = painter.textRight(start, 0, "⚡" + listing.activeCount(), theme.fg(theme.yellow()));
        return needsYou(painter, state, theme, start);
    }

    /**
     * {@code ⚑N 12m}: how many agents need the user and how long the first in line has; only while any does, and
     * without the time when it would leave the title fewer than {@link #TITLE_KEPT} columns.
     */
    private static int needsYou(Painter painter, SidebarState state, Theme theme, int end) {
        Listing listing = state.listing();
        if (listing.needsYouCount() == 0) {
            return end;
        }
        String count = "⚑" + listing.needsYouCount();
        String waited = waitTold(state)
                .map(told -> count + " " + told + " ")
                .filter(text -> end - TextWidth.of(text) - 1 >= TITLE_KEPT)
                .orElse(count + " ");
        return painter.textRight(end, 0, waited, theme.fg(theme.peach()));
    }

    /** The longest wait as the header tells it ({@code 12m}), while an agent needs the user. */
    static Optional<String> waitTold(SidebarState state) {
        return state.listing().needsYouSince().map(since -> WaitClock.shortly(state.waitClock().waited(since)));
    }

    static void list(Painter painter, SidebarState state, Theme theme) {
        Layout layout = state.layout();
        ListRows rows = state.rows();
        if (rows.rows().isEmpty()) {
            painter.text(0, layout.listTop(), " no sessions", theme.fg(theme.overlay0()), painter.width());
            return;
        }
        int focused = state.focusedRow(rows);
        int hovered = lineAt(state, rows, state.list().hoverY());
        int dropped = state.list().pressed() != null && state.filter() == SessionFilter.ALL
                ? lineAt(state, rows, state.list().dragY()) : -1;
        int bottom = layout.listTop() + layout.listRows();
        for (ListRows.Placed placed : rows.placed(state.scroll(), layout.listTop(), layout.listRows())) {
            ListRow row = placed.row();
            boolean isFocused = placed.index() == focused;
            Color background = row.id().equals(state.list().flash()) ? theme.surface1()
                    : isFocused || placed.index() == hovered ? theme.surface0() : Color.DEFAULT;
            RowPaint paint = new RowPaint(placed.y(), background, isFocused, isCurrent(state, row));
            if (row.header()) {
                GroupHeaderView.draw(painter, row, rows, paint, state, theme);
            } else {
                SessionRowView.draw(painter, row, rows, paint, state, theme);
            }
            rails(painter, row, paint, bottom, theme);
            marker(painter, paint, placed.index() == dropped, theme);
        }
    }

    /** How one row is painted: its first line, background, and whether it has the focus or is current. */
    record RowPaint(int y, Color background, boolean focused, boolean current) {
    }

    private static int lineAt(SidebarState state, ListRows rows, int y) {
        return y < 0 ? -1 : rows.at(y, state.scroll(), state.layout()).map(ListRows.Placed::index).orElse(-1);
    }

    /** A session row is current for this pane's session; a collapsed group's header when it hides it. */
    private static boolean isCurrent(SidebarState state, ListRow row) {
        Optional<SessionName> current = state.current();
        if (current.isEmpty()) {
            return false;
        }
        return row.header() ? row.collapsed() && row.group().contains(current.get())
                : row.session().name().equals(current.get());
    }

    /** The drag marker wins over the current marker, which wins over the focus marker. */
    private static void marker(Painter painter, RowPaint paint, boolean dropTarget, Theme theme) {
        if (dropTarget) {
            painter.text(0, paint.y(), "↕", theme.fg(theme.peach()).withBackground(paint.background()), 1);
        } else if (paint.current()) {
            painter.text(0, paint.y(), "▌", theme.fg(theme.green()).withBackground(paint.background()), 1);
        } else if (paint.focused()) {
            painter.text(0, paint.y(), "›", theme.fg(theme.lavender()).withBackground(paint.background()), 1);
        }
    }

    /**
     * The tree rail: an expanded header's spacer and every middle child's lines carry {@code │}, the last
     * child starts with {@code ╰} and its detail line drops the rail, so the tree reads as one piece.
     */
    private static void rails(Painter painter, ListRow row, RowPaint paint, int bottom, Theme theme) {
        CellStyle rail = theme.fg(theme.overlay0());
        int x = ListRows.RAIL_COLUMN;
        int y = paint.y();
        switch (row.kind()) {
            case SESSION -> { }
            case HEADER -> {
                if (!row.collapsed() && y + 1 < bottom) {
                    painter.text(x, y + 1, "│", rail, x + 1);
                }
            }
            case CHILD -> {
                painter.text(x, y, row.lastChild() ? "╰" : "│", rail.withBackground(paint.background()), x + 1);
                for (int line = y + 1; !row.lastChild() && line <= y + 2 && line < bottom; line++) {
                    painter.text(x, line, "│", rail, x + 1);
                }
            }
        }
    }
}
