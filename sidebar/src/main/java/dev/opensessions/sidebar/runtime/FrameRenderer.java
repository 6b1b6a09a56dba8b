package dev.opensessions.sidebar.runtime;

import dev.opensessions.sidebar.view.CellStyle;
import dev.opensessions.sidebar.view.Color;
import dev.opensessions.sidebar.view.Grid;
import dev.tamboui.buffer.Buffer;
import dev.tamboui.buffer.Cell;
import dev.tamboui.buffer.DiffResult;
import dev.tamboui.layout.Rect;
import dev.tamboui.style.Style;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Turns a pane's frames into the ANSI bytes that move its terminal from the last frame to the next:
 * TamboUI's buffer diff picks the changed cells, its cell writer emits cursor moves and 24-bit SGR.
 * Two buffers take turns (the shown frame and the next), and a cell equal to the shown one keeps its
 * TamboUI cell, so a frame allocates only for what changed. A frame made from the shown one by a spinner tick
 * ({@link Grid#changedSince}) is compared at its changed cells only. One instance per pane, used by one thread at a
 * time.
 */
final class FrameRenderer {

    private final AnsiBackend backend = new AnsiBackend();
    private final Map<CellStyle, Style> styles = new HashMap<>();
    private final DiffResult diff = new DiffResult();
    private Buffer shown;
    private Buffer next;
    private Grid shownGrid;

    /** Alternate screen, hidden cursor, SGR mouse: what a sidebar pane needs before its first frame. */
    byte[] open() {
        backend.enterAlternateScreen();
        backend.hideCursor();
        backend.enableMouseCapture();
        return backend.take();
    }

    /** The bytes that turn the shown frame into this one; empty when nothing changed. */
    byte[] render(Grid grid) {
        if (shown == null || shown.width() != grid.width() || shown.height() != grid.height()) {
            // A new size reflows the whole pane; start from a cleared screen so blank cells need no bytes.
            backend.clear();
            backend.size(grid.width(), grid.height());
            Rect area = new Rect(0, 0, grid.width(), grid.height());
            shown = Buffer.empty(area);
            next = Buffer.empty(area);
            shownGrid = null;
        }
        int[] changed = grid.changedSince(shownGrid);
        if (changed != null) {
            return patch(grid, changed);
        }
        fill(grid);
        diff.clear();
        shown.diff(next, diff);
        if (!diff.isEmpty()) {
            draw();
        }
        Buffer drawn = next;
        next = shown;
        shown = drawn;
        shownGrid = grid;
        return backend.take();
    }

    /** Writes the given cells where they differ from the shown frame, which takes them in place. */
    private byte[] patch(Grid grid, int[] changed) {
        diff.clear();
        for (int index : changed) {
            int x = index % grid.width();
            int y = index / grid.width();
            dev.opensessions.sidebar.view.Cell cell = grid.cell(x, y);
            if (!cell.equals(shownGrid.cell(x, y))) {
                Cell drawn = toCell(cell);
                shown.set(x, y, drawn);
                diff.add(x, y, drawn);
            }
        }
        if (!diff.isEmpty()) {
            draw();
        }
        shownGrid = grid;
        return backend.take();
    }

    /** Gives the terminal back as the shell had it. */
    byte[] close() {
        backend.writeRaw("\u001b[0m");
        backend.disableMouseCapture();
        backend.showCursor();
        backend.leaveAlternateScreen();
        return backend.take();
    }

    private void draw() {
        try {
            backend.draw(diff);
        } catch (IOException e) {
            // The backend only appends to memory; TamboUI's signature declares the exception anyway.
            throw new UncheckedIOException(e);
        }
    }

    /** Puts the grid into the next buffer; a cell the shown frame has too keeps the shown TamboUI cell. */
    private void fill(Grid grid) {
        for (int y = 0; y < grid.height(); y++) {
            for (int x = 0; x < grid.width(); x++) {
                dev.opensessions.sidebar.view.Cell cell = grid.cell(x, y);
                boolean unchanged = shownGrid != null && cell.equals(shownGrid.cell(x, y));
                next.set(x, y, unchanged ? shown.get(x, y) : toCell(cell));
            }
        }
    }

    private Cell toCell(dev.opensessions.sidebar.view.Cell cell) {
        // The view marks the right half of a wide character with an empty symbol.
        return cell.symbol().isEmpty() ? Cell.CONTINUATION : new Cell(cell.symbol(), style(cell.style()));
    }

    private Style style(CellStyle style) {
        if (styles.size() > 1024) {
            // A theme has a few dozen styles; a view that makes endless new ones must not grow this forever.
            styles.clear();
        }
        return styles.computeIfAbsent(style, FrameRenderer::toStyle);
    }

    private static Style toStyle(CellStyle cell) {
        Style style = Style.EMPTY;
        if (cell.foreground() instanceof Color.Rgb(int red, int green, int blue)) {
            style = style.fg(dev.tamboui.style.Color.rgb(red, green, blue));
        }
        if (cell.background() instanceof Color.Rgb(int red, int green, int blue)) {
            style = style.bg(dev.tamboui.style.Color.rgb(red, green, blue));
        }
        if (cell.bold()) {
            style = style.bold();
        }
        if (cell.dim()) {
            style = style.dim();
        }
        if (cell.underline()) {
            style = style.underlined();
        }
        return style;
    }
}
