package dev.opensessions.sidebar.view;

import java.util.concurrent.ConcurrentHashMap;

/**
 * The same {@link Cell} instance for the same ASCII character in the same style, in every frame of every pane.
 *
 * <p>A frame is kept as the shown one until the next frame replaces it, 100 ms during a burst of agent events:
 * longer than the young generation lasts (a collection every 10-20 ms), so every cell drawn anew for each frame was
 * copied to a survivor space and then into the old generation, where it filled up the heap until a full collection
 * (two thirds of what a burst promoted). Cells taken from here are long-lived already; a frame then promotes only its
 * array of references. The styles a sidebar draws in come from its theme and a handful of signal and tone colours:
 * a few dozen; past {@link #STYLES} styles (a theme picker walked through every theme, say) cells are made afresh.
 */
final class CellCache {

    /** At most this many styles keep their cells: 128 characters each, a few KiB per style at most. */
    static final int STYLES = 256;
    private static final int CHARACTERS = 0x80;

    private static final ConcurrentHashMap<CellStyle, Cell[]> BY_STYLE = new ConcurrentHashMap<>();

    private CellCache() {
    }

    /**
     * The cells of one style, indexed by character, filled on demand; null when {@link #STYLES} styles have
     * theirs already. Look it up once per run of text rather than once per cell.
     */
    static Cell[] of(CellStyle style) {
        Cell[] cells = BY_STYLE.get(style);
        if (cells == null && BY_STYLE.size() < STYLES) {
            cells = BY_STYLE.computeIfAbsent(style, key -> new Cell[CHARACTERS]);
        }
        return cells;
    }

    /** The cell of {@code symbol} in {@code style}: {@link #cell(Cell[], String, CellStyle)} for a single cell. */
    static Cell cell(String symbol, CellStyle style) {
        return cell(of(style), symbol, style);
    }

    /**
     * The cell of {@code symbol} in the style of {@code cells} (from {@link #of}, may be null): the cached one for a
     * single ASCII character, a new one otherwise.
     */
    static Cell cell(Cell[] cells, String symbol, CellStyle style) {
        if (cells == null || symbol.length() != 1 || symbol.charAt(0) >= CHARACTERS) {
            return new Cell(symbol, style);
        }
        char c = symbol.charAt(0);
        Cell cell = cells[c];
        if (cell == null) {
            // Two threads may both store one; either is fine: a cell is immutable and its fields final.
            cell = new Cell(symbol, style);
            cells[c] = cell;
        }
        return cell;
    }
}
