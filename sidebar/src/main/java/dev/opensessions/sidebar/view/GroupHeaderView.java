package dev.opensessions.sidebar.view;

import dev.opensessions.domain.agent.AgentTracker;
import dev.opensessions.domain.agent.Attention;
import dev.opensessions.domain.session.GitStatus;
import dev.opensessions.domain.session.Session;
import dev.opensessions.sidebar.model.ListRow;
import dev.opensessions.sidebar.model.Listing;
import dev.opensessions.sidebar.model.ListRows;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.TextWidth;
import dev.opensessions.sidebar.model.WorktreeGroup;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A worktree group's header line: {@code ▾}/{@code ▸}, the most urgent signal over its children,
 * the label, and right-aligned stats {@code Nwt ⚡n ●n +i -d ⌁port} as far as they fit beside the label.
 */
final class GroupHeaderView {

    /** Cells of the label kept before any stat is dropped. */
    private static final int LABEL_KEPT = 4;

    private GroupHeaderView() {
    }

    static void draw(Painter painter, ListRow row, ListRows rows, SessionListView.RowPaint paint,
                     SidebarState state, Theme theme) {
        int limit = painter.width();
        int y = paint.y();
        Color background = paint.background();
        WorktreeGroup group = row.group();
        painter.fill(0, y, limit, " ", CellStyle.PLAIN.withBackground(background));
        painter.text(ListRows.RAIL_COLUMN, y, row.collapsed() ? "▸" : "▾",
                theme.fg(theme.overlay1()).withBackground(background), limit);
        Attention attention = Signals.over(state.snapshot().agents(), group.members());
        painter.glyph(rows.signalColumn(), y, Signals.glyph(attention, state.spinnerFrame()), Signals.spins(attention),
                Signals.style(attention, theme).withBackground(background), limit);
        int x0 = rows.nameColumn();
        int end = limit - 1;
        int labelWidth = Math.min(TextWidth.of(group.label()), LABEL_KEPT);
        List<Span> stats = fitting(stats(group, state.snapshot().agents(), theme), end - x0 - labelWidth - 1);
        int at = end - stats.stream().mapToInt(s -> TextWidth.of(s.text())).sum();
        CellStyle label = theme.fg(paint.focused() ? theme.lavender() : theme.subtext1()).withBold(true)
                .withBackground(background);
        painter.text(x0, y, TextWidth.truncate(group.label(), at - x0), label, end);
        for (Span stat : stats) {
            at = painter.text(at, y, stat.text(), stat.style().withBackground(background), end);
        }
    }

    /** The stats that fit in {@code room} cells, in order, each whole; the first that does not fit and the rest go. */
    private static List<Span> fitting(List<List<Span>> stats, int room) {
        List<Span> kept = new ArrayList<>();
        int used = 0;
        for (List<Span> stat : stats) {
            int width = stat.stream().mapToInt(s -> TextWidth.of(s.text())).sum();
            if (used + width > room) {
                break;
            }
            kept.addAll(stat);
            used += width;
        }
        return kept;
    }

    /** Each stat with its leading space: worktree count, active and unseen agents, total diff, first port. */
    private static List<List<Span>> stats(WorktreeGroup group, AgentTracker agents, Theme theme) {
        List<List<Span>> stats = new ArrayList<>();
        stats.add(Span.line(new Span(" " + group.members().size() + "wt", theme.fg(theme.subtext0()))));
        long active = Listing.active(agents, group.members());
        if (active > 0) {
            stats.add(Span.line(new Span(" ⚡" + active, theme.fg(theme.yellow()))));
        }
        long unseen = group.members().stream().filter(s -> agents.unseen(s.name())).count();
        if (unseen > 0) {
            stats.add(Span.line(new Span(" ●" + unseen, theme.fg(theme.teal()))));
        }
        List<GitStatus> dirty = group.members().stream().map(Session::git).filter(Objects::nonNull)
                .filter(GitStatus::dirty).toList();
        if (!dirty.isEmpty()) {
            stats.add(Span.line(
                    new Span(" +" + dirty.stream().mapToInt(GitStatus::insertions).sum(), theme.fg(theme.green())),
                    new Span(" -" + dirty.stream().mapToInt(GitStatus::deletions).sum(), theme.fg(theme.red()))));
        }
        group.members().stream().flatMap(s -> s.ports().stream()).findFirst()
                .ifPresent(port -> stats.add(Span.line(new Span(" ⌁" + port, theme.fg(theme.mauve())))));
        return stats;
    }
}
