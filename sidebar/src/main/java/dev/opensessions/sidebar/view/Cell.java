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
}
