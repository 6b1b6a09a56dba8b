package dev.opensessions.sidebar.model.modal;

import dev.opensessions.sidebar.model.Modal;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The built-in project picker (the sessionizer when fzf is not installed): the folders under {@code SESSIONIZER_DIR},
 * home shortened to {@code ~}, with a type-to-filter query.
 *
 * @param list        the folders' labels (what the user sees and filters)
 * @param directories the full paths, in the same order as the labels
 */
public record ProjectPicker(PickerList list, List<String> directories) implements Modal {

    /** Wider than the sidebar: folder paths are long, so the box takes the pane's width up to this. */
    public static final int WIDTH = 60;
    public static final int VISIBLE = 12;
    /** The explanation shown when there is nothing to pick, one line each. */
    public static final List<String> EMPTY = List.of("no folders under", "SESSIONIZER_DIR");

    public ProjectPicker {
        Objects.requireNonNull(list, "list");
        directories = List.copyOf(directories);
        if (directories.size() != list.items().size()) {
            throw new IllegalArgumentException("one label per directory");
        }
    }

    /** The picker over {@code directories}, {@code home} (when not blank) shown as {@code ~}. */
    public static ProjectPicker open(List<String> directories, String home) {
        List<String> labels = directories.stream().map(d -> shortened(d, home)).toList();
        return new ProjectPicker(new PickerList(labels, "", 0), directories);
    }

    static String shortened(String directory, String home) {
        if (home == null || home.isBlank() || home.equals("/")) {
            return directory;
        }
        String base = home.endsWith("/") ? home.substring(0, home.length() - 1) : home;
        if (directory.equals(base)) {
            return "~";
        }
        return directory.startsWith(base + "/") ? "~" + directory.substring(base.length()) : directory;
    }

    /** The full path of the folder under the cursor. */
    public Optional<String> selected() {
        return list.selected().map(directories::get);
    }

    public ProjectPicker withList(PickerList value) {
        return new ProjectPicker(value, directories);
    }

    public int visibleRows(int paneHeight) {
        return Math.max(1, Math.min(Math.min(VISIBLE, list.items().size()), ModalBox.roomFor(paneHeight) - 1));
    }

    /** The filter row and the folders, or the two lines of explanation when there are none. */
    public ModalBox box(int paneWidth, int paneHeight) {
        int body = list.items().isEmpty() ? EMPTY.size() : 1 + visibleRows(paneHeight);
        return ModalBox.place(paneWidth, paneHeight, WIDTH, body);
    }
}
