package dev.opensessions.sidebar.model;

import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.SessionOrder;

import java.util.List;

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
 * @param arranged    the display order this pane asked the core for and has not seen back yet, null when
 *                    none: shown meanwhile, so a second move in quick succession starts from the first
 * @param arrangedOver the shared order the request was made over; a snapshot with another order ends it
 */
public record ListUi(String headerFocus, int hoverY, RowId pressed, int dragY, int resizeRows, RowId flash,
                     long generation, List<SessionName> arranged, SessionOrder arrangedOver) {

    public ListUi {
        arranged = arranged == null ? null : List.copyOf(arranged);
    }

    public static ListUi initial() {
        return new ListUi(null, -1, null, -1, -1, null, 0, null, null);
    }

    /** A requested order, shown until the core's order moves on from {@code over}. */
    public ListUi withArranged(List<SessionName> order, SessionOrder over) {
        return new ListUi(headerFocus, hoverY, pressed, dragY, resizeRows, flash, generation, order, over);
    }

    /** Forgets the requested order once the core's order is no longer the one it was made over. */
    public ListUi seenOrder(SessionOrder now) {
        return arranged != null && !now.equals(arrangedOver)
                ? new ListUi(headerFocus, hoverY, pressed, dragY, resizeRows, flash, generation, null, null)
                : this;
    }

    public ListUi withHeaderFocus(String value) {
        return new ListUi(value, hoverY, pressed, dragY, resizeRows, flash, generation, arranged, arrangedOver);
    }

    public ListUi withHover(int value) {
        return new ListUi(headerFocus, value, pressed, dragY, resizeRows, flash, generation, arranged, arrangedOver);
    }

    /** A press on {@code row} (null to end it), not dragged yet. */
    public ListUi withPressed(RowId row) {
        return new ListUi(headerFocus, hoverY, row, -1, resizeRows, flash, generation, arranged, arrangedOver);
    }

    public ListUi withDrag(int value) {
        return new ListUi(headerFocus, hoverY, pressed, value, resizeRows, flash, generation, arranged, arrangedOver);
    }

    public ListUi withResize(int rows) {
        return new ListUi(headerFocus, hoverY, pressed, dragY, rows, flash, generation, arranged, arrangedOver);
    }

    /** A new flash on {@code row}, as the next generation. */
    public ListUi flashing(RowId row) {
        return new ListUi(headerFocus, hoverY, pressed, dragY, resizeRows, row, generation + 1, arranged,
                arrangedOver);
    }

    /** Ends the flash when {@code ended} is its generation; a newer flash stays. */
    public ListUi flashEnded(long ended) {
        return ended == generation ? new ListUi(headerFocus, hoverY, pressed, dragY, resizeRows, null, generation, arranged, arrangedOver)
                : this;
    }

    public boolean resizing() {
        return resizeRows >= 0;
    }
}
