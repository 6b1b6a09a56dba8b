package dev.opensessions.sidebar.view;

import java.util.Arrays;
import java.util.Objects;

/**
 * What a sidebar shows: an immutable grid of cells, row by row. The view builds one per frame; the runtime
 * diffs it against the previous one and writes only what changed. {@link #text()} makes view tests read
 * as the screen does.
 */
public final class Grid {

    private final int width;
    private final int height;
    private final Cell[] cells;

    private Grid(int width, int height, Cell[] cells) {
        this.width = width;
        this.height = height;
        this.cells = cells;
    }

    /** A grid of blank cells. */
    public static Grid blank(int width, int height) {
        return new Grid(width, height, blankCells(width, height));
    }

    /** A builder of a frame that starts blank. */
    public static Builder builder(int width, int height) {
        return new Builder(width, height, blankCells(width, height));
    }

    /** A builder of a frame that starts with every cell set to {@code fill} (a theme's background). */
    public static Builder builder(int width, int height, Cell fill) {
        Cell[] cells = blankCells(width, height);
        Arrays.fill(cells, Objects.requireNonNull(fill, "fill"));
        return new Builder(width, height, cells);
    }

    private static Cell[] blankCells(int width, int height) {
        if (width < 0 || height < 0) {
            throw new IllegalArgumentException("grid size must not be negative");
        }
        Cell[] cells = new Cell[width * height];
        Arrays.fill(cells, Cell.BLANK);
        return cells;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    public Cell cell(int x, int y) {
        return cells[index(x, y)];
    }

    /** A copy with one cell replaced; the view uses {@link Builder} for whole frames. */
    public Grid with(int x, int y, Cell cell) {
        Cell[] copy = cells.clone();
        copy[index(x, y)] = Objects.requireNonNull(cell, "cell");
        return new Grid(width, height, copy);
    }

    /** One row's text, trailing spaces kept. */
    public String row(int y) {
        StringBuilder text = new StringBuilder(width);
        for (int x = 0; x < width; x++) {
            text.append(cell(x, y).symbol());
        }
        return text.toString();
    }

    /** Every row's text with trailing spaces cut, joined by newlines: what {@code capture-pane} would show. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (int y = 0; y < height; y++) {
            text.append(row(y).stripTrailing());
            if (y + 1 < height) {
                text.append('\n');
            }
        }
        return text.toString();
    }

    public Builder toBuilder() {
        return new Builder(width, height, cells.clone());
    }

    private int index(int x, int y) {
        if (x < 0 || x >= width || y < 0 || y >= height) {
            throw new IndexOutOfBoundsException("cell " + x + "," + y + " outside " + width + "x" + height);
        }
        return y * width + x;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Grid grid && grid.width == width && grid.height == height
                && Arrays.equals(grid.cells, cells);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * width + height) + Arrays.hashCode(cells);
    }

    @Override
    public String toString() {
        return "Grid[" + width + "x" + height + "]\n" + text();
    }

    /** Fills one frame; not thread-safe, used inside a single view call. */
    public static final class Builder {

        private final int width;
        private final int height;
        private Cell[] cells;

        private Builder(int width, int height, Cell[] cells) {
            this.width = width;
            this.height = height;
            this.cells = cells;
        }

        public int width() {
            return width;
        }

        public int height() {
            return height;
        }

        /** Sets a cell; a position outside the grid is ignored, so views can clip freely. */
        public Builder set(int x, int y, Cell cell) {
            if (cells == null) {
                throw new IllegalStateException("the frame was built already");
            }
            if (x >= 0 && x < width && y >= 0 && y < height) {
                cells[y * width + x] = Objects.requireNonNull(cell, "cell");
            }
            return this;
        }

        /** The frame; the builder hands its cells over rather than copying them, and is done. */
        public Grid build() {
            if (cells == null) {
                throw new IllegalStateException("the frame was built already");
            }
            Grid grid = new Grid(width, height, cells);
            cells = null;
            return grid;
        }
    }
}
