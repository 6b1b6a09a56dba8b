package dev.opensessions.sidebar.model;

import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * The session list's rows and where they sit: lone sessions, group headers and the children of
 * expanded groups, in display order. Update and view both place rows with it, so a key, a click or a
 * scroll means the row the view drew there. Scrolling counts rows, not lines.
 *
 * @param rows       the rows in display order
 * @param gutter     true when some group is shown: every row then keeps two cells for the tree rail
 * @param indexWidth the cells of the row numbers: two, or as many as the largest number has digits
 */
public record ListRows(List<ListRow> rows, boolean gutter, int indexWidth) {

    /** The column of the tree rail ({@code │}, {@code ╰}) and of a header's {@code ▾}/{@code ▸}. */
    public static final int RAIL_COLUMN = 2;

    public ListRows {
        rows = List.copyOf(rows);
    }

    public ListRows(List<ListRow> rows, boolean gutter) {
        this(rows, gutter, indexWidthOf(rows));
    }

    /** Numbers count up in display order, so the last numbered row has the widest one. */
    private static int indexWidthOf(List<ListRow> rows) {
        int largest = 0;
        for (ListRow row : rows) {
            largest = Math.max(largest, row.number());
        }
        return Math.max(2, Integer.toString(largest).length());
    }

    /** A row's number as drawn: zero-padded to {@link #indexWidth()}. */
    public String index(int number) {
        String digits = Integer.toString(number);
        return "0".repeat(Math.max(0, indexWidth - digits.length())) + digits;
    }

    /** A row placed on screen: its index in {@link #rows} and the line its first line is drawn on. */
    public record Placed(int index, ListRow row, int y) {
        public Placed {
            Objects.requireNonNull(row, "row");
        }
    }

    static ListRows of(List<ListBlock> blocks, Set<String> collapsed, Optional<SessionName> current) {
        List<ListRow> rows = new ArrayList<>();
        int number = 0;
        for (ListBlock block : blocks) {
            switch (block) {
                case ListBlock.Single single ->
                        rows.add(new ListRow(ListRow.Kind.SESSION, single.session(), null, ++number, false, false));
                case WorktreeGroup group -> {
                    boolean closed = collapsed.contains(group.key());
                    SessionName chosen = group.chosen(current);
                    Session stand = group.members().stream().filter(s -> s.name().equals(chosen)).findFirst()
                            .orElseThrow();
                    rows.add(new ListRow(ListRow.Kind.HEADER, stand, group, 0, false, closed));
                    for (int i = 0; !closed && i < group.members().size(); i++) {
                        rows.add(new ListRow(ListRow.Kind.CHILD, group.members().get(i), group, ++number,
                                i == group.members().size() - 1, false));
                    }
                }
            }
        }
        return new ListRows(rows, blocks.stream().anyMatch(WorktreeGroup.class::isInstance));
    }

    public int indexColumn() {
        return gutter ? RAIL_COLUMN + 2 : RAIL_COLUMN;
    }

    public int signalColumn() {
        return indexColumn() + indexWidth + 1;
    }

    public int nameColumn() {
        return signalColumn() + 2;
    }

    /** The rows drawn when the list starts at row {@code scroll}: those whose drawn lines fit. */
    public List<Placed> placed(int scroll, int top, int listLines) {
        List<Placed> placed = new ArrayList<>();
        int y = top;
        for (int i = Math.max(0, scroll); i < rows.size(); i++) {
            ListRow row = rows.get(i);
            if (y - top + row.lines() > listLines) {
                break;
            }
            placed.add(new Placed(i, row, y));
            y += row.lines() + ListRow.SPACING;
        }
        return placed;
    }

    /** The row drawn on line {@code y}; spacers belong to no row. */
    public Optional<Placed> at(int y, int scroll, Layout layout) {
        return placed(scroll, layout.listTop(), layout.listRows()).stream()
                .filter(p -> y >= p.y() && y < p.y() + p.row().lines())
                .findFirst();
    }

    /** The largest useful scroll: from it on every later row fits, so the last screenful stays full. */
    public int maxScroll(int listLines) {
        int from = rows.size();
        int lines = 0;
        // Walks up from the last row while the rows from there on still fit: one pass, however long the list.
        while (from > 0) {
            int more = lines + rows.get(from - 1).lines() + (from < rows.size() ? ListRow.SPACING : 0);
            if (more > listLines) {
                break;
            }
            lines = more;
            from--;
        }
        return from == rows.size() ? Math.max(0, rows.size() - 1) : from;
    }

    /** The scroll nearest {@code scroll} that shows the whole row {@code index}. */
    public int scrollToShow(int index, int scroll, int listLines) {
        if (index < scroll) {
            return index;
        }
        int from = scroll;
        while (from < index && !fits(from, index, listLines)) {
            from++;
        }
        return from;
    }

    /**
     * The row the keyboard focus is on: a group's header when the header was focused or the group is
     * collapsed, else the focused session's own row; -1 when none.
     */
    public int focusedIndex(Optional<SessionName> focused, String headerFocus) {
        if (focused.isEmpty()) {
            return -1;
        }
        SessionName name = focused.get();
        int own = -1;
        for (int i = 0; i < rows.size(); i++) {
            ListRow row = rows.get(i);
            if (row.header()) {
                if ((row.collapsed() || row.group().key().equals(headerFocus)) && row.group().contains(name)) {
                    return i;
                }
            } else if (own < 0 && row.session().name().equals(name)) {
                own = i;
            }
        }
        return own;
    }

    /** The row showing index {@code number} (1-based). */
    public Optional<ListRow> numbered(int number) {
        return rows.stream().filter(r -> r.number() == number).findFirst();
    }

    /** Rows Tab cycles through: every session row, and collapsed groups standing for their chosen child. */
    public List<ListRow> targets() {
        return rows.stream().filter(r -> !r.header() || r.collapsed()).toList();
    }

    /** Where {@code session} is among {@link #targets()}: its own row, or its collapsed group's; -1 when hidden. */
    public int targetIndexOf(SessionName session) {
        List<ListRow> targets = targets();
        for (int i = 0; i < targets.size(); i++) {
            ListRow row = targets.get(i);
            if (row.header() ? row.group().contains(session) : row.session().name().equals(session)) {
                return i;
            }
        }
        return -1;
    }

    public int indexOf(RowId id) {
        for (int i = 0; i < rows.size(); i++) {
            if (rows.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private boolean fits(int from, int to, int listLines) {
        int lines = 0;
        for (int i = from; i <= to; i++) {
            lines += rows.get(i).lines() + (i > from ? ListRow.SPACING : 0);
        }
        return lines <= listLines;
    }
}
