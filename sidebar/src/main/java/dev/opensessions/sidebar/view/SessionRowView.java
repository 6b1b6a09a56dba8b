package dev.opensessions.sidebar.view;

import dev.opensessions.domain.agent.Attention;
import dev.opensessions.domain.session.Session;
import dev.opensessions.sidebar.model.DetailLine;
import dev.opensessions.sidebar.model.ListRow;
import dev.opensessions.sidebar.model.ListRows;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.TextWidth;

/**
 * A session's two lines: index, signal and name, then branch, port and diff. Columns come from
 * {@link ListRows}, so lone sessions and group children line up whether or not the tree gutter is there.
 */
final class SessionRowView {

    private SessionRowView() {
    }

    static void draw(Painter painter, ListRow row, ListRows rows, SessionListView.RowPaint paint,
                     SidebarState state, Theme theme) {
        int limit = painter.width();
        int y = paint.y();
        Session session = row.session();
        painter.fill(0, y, limit, " ", CellStyle.PLAIN.withBackground(paint.background()));
        painter.text(rows.indexColumn(), y, rows.index(row.number()),
                theme.fg(theme.overlay1()).withBackground(paint.background()), limit);
        Attention attention = Signals.of(state.snapshot().agents(), session.name());
        painter.glyph(rows.signalColumn(), y, Signals.glyph(attention, state.spinnerFrame()), Signals.spins(attention),
                Signals.style(attention, theme).withBackground(paint.background()), limit);
        CellStyle name = theme.fg(paint.focused() ? theme.lavender() : theme.text())
                .withBold(paint.current() || paint.focused()).withBackground(paint.background());
        int nameColumn = rows.nameColumn();
        painter.text(nameColumn, y, TextWidth.truncate(session.name().value(), limit - 1 - nameColumn), name, limit - 1);
        detail(painter, y + 1, session, nameColumn, theme);
    }

    /** Branch or directory, first port, diff counts; the branch gives way first, then the diff. */
    private static void detail(Painter painter, int y, Session session, int x0, Theme theme) {
        int end = painter.width() - 1;
        DetailLine line = DetailLine.of(session, x0, end - x0);
        painter.text(x0, y, line.label(), theme.fg(theme.subtext0()), end);
        if (!line.port().isEmpty()) {
            painter.text(line.portX(), y, line.port(), theme.fg(theme.mauve()), end);
        }
        if (!line.plus().isEmpty()) {
            painter.text(line.plusX(), y, line.plus(), theme.fg(theme.green()), end);
            painter.text(line.minusX(), y, line.minus(), theme.fg(theme.red()), end);
        }
    }
}
