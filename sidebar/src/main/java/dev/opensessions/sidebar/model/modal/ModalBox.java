package dev.opensessions.sidebar.model.modal;

/**
 * Where a modal sits on the pane: a bordered box centred horizontally, a little below the top. View and
 * mouse share it, so a click lands on the row the view drew.
 *
 * @param x      left border column
 * @param y      top border row
 * @param width  columns including both borders
 * @param height rows including both borders
 */
public record ModalBox(int x, int y, int width, int height) {

    /** Rows above the box when the pane has room: the header and the blank row stay visible. */
    private static final int TOP = 2;

    /** A box of {@code wanted} columns (narrower on narrow panes) around {@code bodyRows} rows of content. */
    public static ModalBox place(int paneWidth, int paneHeight, int wanted, int bodyRows) {
        int width = Math.max(1, Math.min(wanted, paneWidth));
        int height = Math.max(1, Math.min(bodyRows + 2, paneHeight));
        int y = Math.max(0, Math.min(TOP, paneHeight - height));
        return new ModalBox((paneWidth - width) / 2, y, width, height);
    }

    /** The most content rows a pane of this height can show in a box. */
    public static int roomFor(int paneHeight) {
        return Math.max(1, paneHeight - 2 - TOP);
    }

    public boolean contains(int column, int row) {
        return column >= x && column < x + width && row >= y && row < y + height;
    }

    /** The content row at pane row {@code row}, or -1 on a border or outside. */
    public int bodyRow(int row) {
        int body = row - y - 1;
        return body >= 0 && body < height - 2 ? body : -1;
    }

    /** First column inside the borders. */
    public int innerLeft() {
        return x + 1;
    }

    /** Columns inside the borders. */
    public int innerWidth() {
        return Math.max(0, width - 2);
    }
}
