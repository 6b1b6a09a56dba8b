package dev.opensessions.adapters.tmux;

import java.util.Objects;

/**
 * One pane, with what runs in it and its size in cells.
 *
 * @param active whether it is the active pane of its window
 * @param left   the column of its left edge in the window
 */
public record TmuxPane(String id, String windowId, boolean active, String title, String command, String path,
                       long pid, int width, int height, int left) {

    /** The title every sidebar pane carries. */
    public static final String SIDEBAR_TITLE = "opensessions-sidebar";

    public TmuxPane {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(windowId, "windowId");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(path, "path");
    }

    public boolean sidebar() {
        return SIDEBAR_TITLE.equals(title);
    }
}
