package dev.opensessions.sidebar.model.modal;

import dev.opensessions.domain.sidebar.SidebarSettings;
import dev.opensessions.sidebar.model.Modal;

/**
 * The width slider ({@code w}): the value changes at once, the shared width follows 80 ms after
 * the last change. Every change starts a new generation; only the newest generation's timer sends.
 *
 * @param value      the width shown
 * @param sent       the width last sent (or the shared width when opened); a different value is pending
 * @param generation the number of the newest change
 */
public record WidthSlider(int value, int sent, long generation) implements Modal {

    public static final int WIDTH = 28;
    /** The purpose of the slider's debounce {@link dev.opensessions.sidebar.model.Msg.Timer}. */
    public static final String TIMER = "width";
    /** The value line, the bar and the key hint. */
    public static final int BODY_ROWS = 3;
    public static final int VALUE_ROW = 0;
    public static final int BAR_ROW = 1;

    public WidthSlider {
        value = SidebarSettings.clampWidth(value);
    }

    public static WidthSlider open(int width) {
        int clamped = SidebarSettings.clampWidth(width);
        return new WidthSlider(clamped, clamped, 0);
    }

    /** The value moved to {@code width} (clamped) as a new generation; the same slider when nothing moved. */
    public WidthSlider movedTo(int width) {
        int next = SidebarSettings.clampWidth(width);
        return next == value ? this : new WidthSlider(next, sent, generation + 1);
    }

    public boolean pending() {
        return value != sent;
    }

    public WidthSlider markSent() {
        return new WidthSlider(value, value, generation);
    }

    public ModalBox box(int paneWidth, int paneHeight) {
        return ModalBox.place(paneWidth, paneHeight, WIDTH, BODY_ROWS);
    }

    /** Where the bar starts inside a box and how many cells it takes: one space of padding each side. */
    public static int barLeft(ModalBox box) {
        return box.innerLeft() + 1;
    }

    public static int barWidth(ModalBox box) {
        return Math.max(1, box.innerWidth() - 2);
    }

    /** Filled cells of a bar of {@code cells} for {@code width}: none at the minimum, all at the maximum. */
    public static int filled(int width, int cells) {
        int span = SidebarSettings.MAX_WIDTH - SidebarSettings.MIN_WIDTH;
        return (int) Math.round((double) (width - SidebarSettings.MIN_WIDTH) * cells / span);
    }

    /** The width a click on bar cell {@code cell} of {@code cells} stands for. */
    public static int widthAt(int cell, int cells) {
        int span = SidebarSettings.MAX_WIDTH - SidebarSettings.MIN_WIDTH;
        return SidebarSettings.MIN_WIDTH + (int) Math.round((double) (cell + 1) * span / cells);
    }
}
