package dev.opensessions.sidebar.view;

import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a sidebar shows: an immutable grid of cells, row by row. The view builds one per frame; the runtime
 * diffs it against the previous one and writes only what changed. {@link #text()} makes view tests read
 * as the screen does.
 *
 * <p>A grid knows which of its cells animate (a running agent's spinner): a spinner tick then makes the next
 * frame from this one by {@link #animatedTo}, changing only those cells, and the runtime writes only them,
 * instead of drawing and comparing the whole pane eight times a second.
 */
public final class Grid {

    private static final int[] NONE = new int[0];
    private static final AtomicLong SERIALS = new AtomicLong();

    private final int width;
    private final int height;
    private final Cell[] cells;
    /** The indices of the cells that animate, ascending. */
    private final int[] animated;
    /** This grid's number, unique in the process. */
    private final long serial = SERIALS.incrementAndGet();
    /**
     * The number of the grid this one was made from by {@link #animatedTo}, 0 for a whole frame: a number rather
     * than the grid, so that a long animation does not keep every frame before it reachable.
     */
    private final long base;

    private Grid(int width, int height, Cell[] cells, int[] animated, long base) {
        this.width = width;
        this.height = height;
        this.cells = cells;
        this.animated = animated;
        this.base = base;
    }

    /** A grid of blank cells. */
    public static Grid blank(int width, int height) {
        return new Grid(width, height, blankCells(width, height), NONE, 0);
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
        int at = index(x, y);
        copy[at] = Objects.requireNonNull(cell, "cell");
        return new Grid(width, height, copy, Arrays.stream(animated).filter(i -> i != at).toArray(), 0);
    }

    /** True when some cell animates: the pane then needs ticks, and none while nothing does. */
    public boolean animates() {
        return animated.length > 0;
    }

    /**
     * This frame with every animated cell showing {@code symbol} in its own style (the spinner's next frame);
     * the same grid when none animates.
     */
    public Grid animatedTo(String symbol) {
        Objects.requireNonNull(symbol, "symbol");
        if (animated.length == 0) {
            return this;
        }
        Cell[] copy = cells.clone();
        for (int index : animated) {
            if (!copy[index].symbol().equals(symbol)) {
                copy[index] = new Cell(symbol, copy[index].style());
            }
        }
        return new Grid(width, height, copy, animated, serial);
    }

    /**
     * The indices ({@code y * width + x}) of the only cells that may differ from {@code earlier}, when this grid
     * was made from it by {@link #animatedTo}; null when any cell may differ.
     */
    public int[] changedSince(Grid earlier) {
        return earlier != null && base == earlier.serial ? animated.clone() : null;
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
        /** The animated cells so far; a cell drawn over later (a modal) no longer animates. */
        private BitSet animated;

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
                if (animated != null) {
                    animated.clear(y * width + x);
                }
            }
            return this;
        }

        /** Marks the cell, as drawn so far, as one that animates; a position outside the grid is ignored. */
        public Builder animate(int x, int y) {
            if (cells == null) {
                throw new IllegalStateException("the frame was built already");
            }
            if (x >= 0 && x < width && y >= 0 && y < height) {
                if (animated == null) {
                    animated = new BitSet(width * height);
                }
                animated.set(y * width + x);
            }
            return this;
        }

        /** The frame; the builder hands its cells over rather than copying them, and is done. */
        public Grid build() {
            if (cells == null) {
                throw new IllegalStateException("the frame was built already");
            }
            Grid grid = new Grid(width, height, cells, animated == null ? NONE : animated.stream().toArray(), 0);
            cells = null;
            return grid;
        }
    }
}
