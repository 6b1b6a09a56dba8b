package dev.opensessions.sidebar.model.modal;

import dev.opensessions.sidebar.model.Modal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The theme picker ({@code t}): the built-in themes with a type-to-search filter; the pane draws
 * in the theme under the cursor until the picker closes.
 */
public record ThemePicker(PickerList list) implements Modal {

    public static final int WIDTH = 28;
    /** Themes listed at once; the list scrolls with the cursor. */
    public static final int VISIBLE = 12;

    public ThemePicker {
        Objects.requireNonNull(list, "list");
    }

    /** The picker over {@code names}, the cursor on the theme in use. */
    public static ThemePicker open(List<String> names, String current) {
        return new ThemePicker(PickerList.of(names, current));
    }

    /** The theme name under the cursor, which the pane previews; empty when the filter matches none. */
    public Optional<String> previewed() {
        return list.selected().map(list.items()::get);
    }

    public ThemePicker withList(PickerList value) {
        return new ThemePicker(value);
    }

    /** Rows of themes shown: up to {@link #VISIBLE}, fewer on short panes. */
    public int visibleRows(int paneHeight) {
        return Math.max(1, Math.min(Math.min(VISIBLE, list.items().size()), ModalBox.roomFor(paneHeight) - 1));
    }

    /** The filter row, then the themes. */
    public ModalBox box(int paneWidth, int paneHeight) {
        return ModalBox.place(paneWidth, paneHeight, WIDTH, 1 + visibleRows(paneHeight));
    }
}
