package dev.opensessions.sidebar.model;

/**
 * The per-pane state of the session list beyond focus and scroll: header focus, pointer hover, a pressed
 * row and its drag, a separator drag, and the click flash.
 *
 * @param headerFocus the key of the group whose header has the keyboard focus, null when a session row has it
 * @param hoverY      the line under the pointer, -1 when the pointer is elsewhere
 * @param pressed     the row the left button went down on, null when none; a release on it is a click
 * @param dragY       the line a pressed row is dragged over, -1 while not dragged
 * @param resizeRows  the detail panel's height while its separator is dragged, -1 while not
 * @param flash       the row flashing after a click, null when none
 * @param generation  the number of the newest flash; only its timer ends it
 */
public record ListUi(String headerFocus, int hoverY, RowId pressed, int dragY, int resizeRows, RowId flash,
                     long generation) {

    public static ListUi initial() {
        return new ListUi(null, -1, null, -1, -1, null, 0);
    }

    public ListUi withHeaderFocus(String value) {
        return new ListUi(value, hoverY, pressed, dragY, resizeRows, flash, generation);
    }

    public ListUi withHover(int value) {
        return new ListUi(headerFocus, value, pressed, dragY, resizeRows, flash, generation);
    }

    /** A press on {@code row} (null to end it), not dragged yet. */
    public ListUi withPressed(RowId row) {
        return new ListUi(headerFocus, hoverY, row, -1, resizeRows, flash, generation);
    }

    public ListUi withDrag(int value) {
        return new ListUi(headerFocus, hoverY, pressed, value, resizeRows, flash, generation);
    }

    public ListUi withResize(int rows) {
        return new ListUi(headerFocus, hoverY, pressed, dragY, rows, flash, generation);
    }

    /** A new flash on {@code row}, as the next generation. */
    public ListUi flashing(RowId row) {
        return new ListUi(headerFocus, hoverY, pressed, dragY, resizeRows, row, generation + 1);
    }

    /** Ends the flash when {@code ended} is its generation; a newer flash stays. */
    public ListUi flashEnded(long ended) {
        return ended == generation ? new ListUi(headerFocus, hoverY, pressed, dragY, resizeRows, null, generation)
                : this;
    }

    public boolean resizing() {
        return resizeRows >= 0;
    }
}
