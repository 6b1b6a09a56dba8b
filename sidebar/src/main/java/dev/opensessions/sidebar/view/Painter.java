package dev.opensessions.sidebar.view;

import dev.opensessions.sidebar.model.TextWidth;
import java.util.List;

/**
 * Writes text into a frame cell by cell: a wide grapheme takes its cell and an empty one after it, a wide
 * grapheme that would straddle the limit becomes a space, control characters become spaces so free text
 * (logs, prompts) cannot move the cursor. A cell drawn on the terminal's own background gets the canvas
 * colour instead (the theme's {@code base}), so a theme paints its background everywhere the sidebar draws;
 * a canvas of {@link Color#DEFAULT} keeps the terminal's own.
 */
final class Painter {

    private final Grid.Builder frame;
    private final Color canvas;

    Painter(Grid.Builder frame) {
        this(frame, Color.DEFAULT);
    }

    Painter(Grid.Builder frame, Color canvas) {
        this.frame = frame;
        this.canvas = canvas;
    }

    /** The style as drawn: on the canvas colour when it has the terminal's own background. */
    private CellStyle onCanvas(CellStyle style) {
        return style.background().equals(Color.DEFAULT) && !canvas.equals(Color.DEFAULT)
                ? style.withBackground(canvas) : style;
    }

    private void put(int x, int y, Cell cell) {
        frame.set(x, y, cell);
    }

    int width() {
        return frame.width();
    }

    /** Writes the text from {@code x} on row {@code y}, never at or past {@code limit}; returns the next free x. */
    int text(int x, int y, String text, CellStyle given, int limit) {
        CellStyle style = onCanvas(given);
        Cell[] cached = CellCache.of(style);
        if (TextWidth.simple(text)) {
            return simpleText(x, y, text, style, cached, limit);
        }
        int at = x;
        for (String grapheme : TextWidth.graphemes(text)) {
            String symbol = Character.isISOControl(grapheme.codePointAt(0)) ? " " : grapheme;
            int w = TextWidth.ofGrapheme(symbol);
            if (w == 0) {
                continue;
            }
            if (at + w > limit) {
                if (at < limit) {
                    put(at, y, CellCache.cell(cached, " ", style));
                }
                return limit;
            }
            put(at, y, CellCache.cell(cached, symbol, style));
            if (w == 2) {
                put(at + 1, y, new Cell("", style));
            }
            at += w;
        }
        return at;
    }

    /** {@link #text} for text whose every character is a grapheme of its own, without splitting it first. */
    private int simpleText(int x, int y, String text, CellStyle style, Cell[] cached, int limit) {
        int at = x;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int w = TextWidth.ofCodePoint(c);
            if (w == 0) {
                continue;
            }
            if (at + w > limit) {
                if (at < limit) {
                    put(at, y, CellCache.cell(cached, " ", style));
                }
                return limit;
            }
            put(at, y, CellCache.cell(cached, TextWidth.symbol(c), style));
            if (w == 2) {
                put(at + 1, y, new Cell("", style));
            }
            at += w;
        }
        return at;
    }

    /**
     * Writes a signal's glyph like {@link #text}; a running agent's spinner ({@code spins}) is marked as a cell that
     * animates, so a spinner tick redraws only it.
     */
    int glyph(int x, int y, String glyph, boolean spins, CellStyle style, int limit) {
        int next = text(x, y, glyph, style, limit);
        if (spins && next > x) {
            frame.animate(x, y);
        }
        return next;
    }

    /** Marks a cell already drawn as one that animates. */
    void animate(int x, int y) {
        frame.animate(x, y);
    }

    /** Writes the text so that it ends just before {@code end}; returns where it starts. */
    int textRight(int end, int y, String text, CellStyle style) {
        int start = end - TextWidth.of(text);
        text(start, y, text, style, end);
        return start;
    }

    /** Repeats one single-width symbol from {@code x} up to {@code limit}. */
    void fill(int x, int y, int limit, String symbol, CellStyle style) {
        CellStyle drawn = onCanvas(style);
        Cell cell = CellCache.cell(symbol, drawn);
        for (int at = Math.max(0, x); at < limit; at++) {
            put(at, y, cell);
        }
    }

    /** Writes the spans one after another, cutting the last one that does not fit with {@code …}. */
    int spans(int x, int y, List<Span> spans, int limit) {
        int at = x;
        for (Span span : spans) {
            int room = limit - at;
            if (TextWidth.of(span.text()) > room) {
                return text(at, y, TextWidth.truncate(span.text(), room), span.style(), limit);
            }
            at = span.spins() ? glyph(at, y, span.text(), true, span.style(), limit)
                    : text(at, y, span.text(), span.style(), limit);
        }
        return at;
    }
}
