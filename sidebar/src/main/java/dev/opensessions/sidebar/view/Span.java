package dev.opensessions.sidebar.view;

import java.util.List;
import java.util.Objects;

/** A run of text in one style; a row of the detail panel is a list of them. */
record Span(String text, CellStyle style) {

    Span {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(style, "style");
    }

    static List<Span> line(Span... spans) {
        return List.of(spans);
    }
}
