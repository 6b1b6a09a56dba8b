package dev.opensessions.sidebar.model;

import java.util.Optional;

/**
 * Where the parts of a sidebar sit for a pane size (SPEC 7.1): header and blank row, the session list,
 * a separator, the detail panel, a separator, two footer rows. Update and view share it, so a click
 * lands on the session the view drew there.
 */
public record Layout(int width, int height) {

    public static final int ROWS_PER_SESSION = 3;
    public static final int DETAIL_ROWS = 10;
    public static final int FOOTER_ROWS = 2;
    private static final int LIST_TOP = 2;
    /** Below this the detail panel is useless and goes, leaving its rows to the list. */
    private static final int MIN_DETAIL_ROWS = 4;
    /** Header, blank, two separators and the footer, plus three sessions the list keeps before the panel. */
    private static final int RESERVED_ROWS = 6 + 3 * ROWS_PER_SESSION;

    public int listTop() {
        return LIST_TOP;
    }

    /** Rows of the detail panel: 10, less on short panes, none when fewer than 4 would remain. */
    public int detailRows() {
        int spare = Math.min(DETAIL_ROWS, height - RESERVED_ROWS);
        return spare < MIN_DETAIL_ROWS ? 0 : spare;
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

    public int listRows() {
        return Math.max(0, upperSeparator().orElse(lowerSeparator()) - LIST_TOP);
    }

    /** Sessions that fit in the list; the last one needs no spacer row. */
    public int capacity() {
        return (listRows() + 1) / ROWS_PER_SESSION;
    }

    /** The index of the session whose name or detail row is at {@code y}, for a list scrolled by {@code scroll}. */
    public Optional<Integer> sessionAt(int y, int scroll, int sessionCount) {
        int row = y - LIST_TOP;
        if (row < 0 || row >= listRows() || row % ROWS_PER_SESSION == ROWS_PER_SESSION - 1) {
            return Optional.empty();
        }
        int index = scroll + row / ROWS_PER_SESSION;
        return index < sessionCount ? Optional.of(index) : Optional.empty();
    }
}
