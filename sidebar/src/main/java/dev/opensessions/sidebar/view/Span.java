package dev.opensessions.sidebar.view;

import java.util.List;
import java.util.Objects;

/**
 * A run of text in one style; a row of the detail panel is a list of them. A span that {@code spins} is one
 * spinner glyph, drawn as a cell that animates.
 */
record Span(String text, CellStyle style, boolean spins) {

    Span {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(style, "style");
    }

    Span(String text, CellStyle style) {
        this(text, style, false);
    }

    /** The same text and kind in another style. */
    Span withStyle(CellStyle value) {
        return new Span(text, value, spins);
    }

    static List<Span> line(Span... spans) {
        return List.of(spans);
    }
}
