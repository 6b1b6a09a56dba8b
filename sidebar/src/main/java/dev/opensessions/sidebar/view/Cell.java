package dev.opensessions.sidebar.view;

import java.util.Objects;

/**
 * One terminal cell: the text drawn there (one grapheme, usually one character; empty for the right half
 * of a wide character) and its style.
 */
public record Cell(String symbol, CellStyle style) {

    public static final Cell BLANK = new Cell(" ", CellStyle.PLAIN);

    public Cell {
        Objects.requireNonNull(symbol, "symbol");
        Objects.requireNonNull(style, "style");
    }

    // Written out rather than generated: every frame compares each cell of a pane with the shown one, and the
    // generated record equals runs through method handles that the server's C1-only JIT does not inline
    // (a tenth of the server's CPU in a burst of agent events, docs/explanation/performance.md).
    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Cell cell && symbol.equals(cell.symbol) && style.equals(cell.style);
    }

    @Override
    public int hashCode() {
        return 31 * symbol.hashCode() + style.hashCode();
    }
}
