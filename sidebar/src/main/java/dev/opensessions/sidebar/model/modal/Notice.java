package dev.opensessions.sidebar.model.modal;

import dev.opensessions.sidebar.model.Modal;
import dev.opensessions.sidebar.model.TextWidth;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Something the server could not do for a click or key of this pane, told in the sidebar rather than lost
 * in the server log (a port clicked with no browser opener installed). Any key or click closes it.
 *
 * @param title the box's title
 * @param text  what happened and what to do instead
 */
public record Notice(String title, String text) implements Modal {

    public static final int WIDTH = 34;
    public static final String HINT = "any key closes";

    public Notice {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(text, "text");
    }

    /** The text in lines of at most {@code width} cells, broken at spaces where it can be. */
    public List<String> lines(int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && TextWidth.of(line + " " + word) > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.isEmpty() ? "" : " ").append(word);
        }
        if (!line.isEmpty()) {
            lines.add(line.toString());
        }
        return lines.stream().map(l -> TextWidth.truncate(l, width)).toList();
    }

    /** The text's lines, a blank row and the hint. */
    public ModalBox box(int paneWidth, int paneHeight) {
        int inner = Math.max(1, Math.min(WIDTH, paneWidth) - 4);
        return ModalBox.place(paneWidth, paneHeight, WIDTH, lines(inner).size() + 2);
    }
}
