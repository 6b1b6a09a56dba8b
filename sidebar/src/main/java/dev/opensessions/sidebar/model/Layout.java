package dev.opensessions.sidebar.model;

import dev.opensessions.domain.sidebar.SidebarSettings;
import dev.opensessions.domain.sidebar.SidebarSide;

import java.util.Objects;
import java.util.Optional;

/**
 * Where the parts of a sidebar sit for a pane size: header and blank row, the session list,
 * a separator, the detail panel, a separator, two footer rows. Update and view share it; rows inside the
 * list are placed by {@link ListRows}.
 *
 * @param detailHeight the shared detail panel height asked for; the pane may allow fewer rows
 * @param side         the window edge the pane docks at: its separators reach the other edge, the one
 *                     facing the content, and leave a blank cell at the screen's edge
 */
public record Layout(int width, int height, int detailHeight, SidebarSide side) {

    public static final int ROWS_PER_SESSION = 3;
    public static final int DETAIL_ROWS = SidebarSettings.DEFAULT_DETAIL_HEIGHT;
    public static final int FOOTER_ROWS = 2;
    private static final int LIST_TOP = 2;
    /** Below this the detail panel is useless and goes, leaving its rows to the list. */
    private static final int MIN_DETAIL_ROWS = SidebarSettings.MIN_DETAIL_HEIGHT;
    /** Header, blank, two separators and the footer, plus three sessions the list keeps before the panel. */
    private static final int RESERVED_ROWS = 6 + 3 * ROWS_PER_SESSION;

    public Layout {
        Objects.requireNonNull(side, "side");
    }

    /** A layout with the default detail panel height, docked left. */
    public Layout(int width, int height) {
        this(width, height, DETAIL_ROWS);
    }

    /** A layout docked left. */
    public Layout(int width, int height, int detailHeight) {
        this(width, height, detailHeight, SidebarSide.LEFT);
    }

    /** The first column of a separator line. */
    public int separatorStart() {
        return side == SidebarSide.LEFT ? 1 : 0;
    }

    /** The column just past a separator line. */
    public int separatorEnd() {
        return side == SidebarSide.LEFT ? width : width - 1;
    }

    /** True on a drawn cell of the separator above the detail panel, the one a drag moves. */
    public boolean onUpperSeparator(int x, int y) {
        return upperSeparator().filter(line -> line == y).isPresent() && x >= separatorStart() && x < separatorEnd();
    }

    public int listTop() {
        return LIST_TOP;
    }

    /** Rows of the detail panel: the height asked for, less on short panes, none when fewer than 4 would remain. */
    public int detailRows() {
        int spare = Math.min(detailHeight, maxDetailRows());
        return spare < MIN_DETAIL_ROWS ? 0 : spare;
    }

    /** The most rows the pane gives the detail panel while keeping three sessions in view. */
    public int maxDetailRows() {
        return Math.min(SidebarSettings.MAX_DETAIL_HEIGHT, height - RESERVED_ROWS);
    }

    /** The detail panel height that puts its upper separator on line {@code y} (a separator drag). */
    public int detailRowsForSeparatorAt(int y) {
        int rows = lowerSeparator() - 1 - y;
        return Math.max(MIN_DETAIL_ROWS, Math.min(Math.max(MIN_DETAIL_ROWS, maxDetailRows()), rows));
    }

    public int footerTop() {
        return height - FOOTER_ROWS;
    }

    /** The separator above the footer (and below the detail panel). */
    public int lowerSeparator() {
        return footerTop() - 1;
    }

    public int detailTop() {
        return lowerSeparator() - detailRows();
    }

    /** The separator above the detail panel, empty when the panel is gone. */
    public Optional<Integer> upperSeparator() {
        return detailRows() == 0 ? Optional.empty() : Optional.of(detailTop() - 1);
    }

    /** True on the detail panel's own lines (its title included). */
    public boolean inDetailPanel(int y) {
        return detailRows() > 0 && y >= detailTop() && y < lowerSeparator();
    }

    public int listRows() {
        return Math.max(0, upperSeparator().orElse(lowerSeparator()) - LIST_TOP);
    }

    /** Lone sessions that fit in the list; the last one needs no spacer row. */
    public int capacity() {
        return (listRows() + 1) / ROWS_PER_SESSION;
    }
}
