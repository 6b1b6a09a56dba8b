package dev.opensessions.adapters.tmux;

import java.util.List;
import java.util.Objects;

/**
 * A popup to show on one client, closed when its program exits.
 *
 * @param command   the program and its arguments, run without a shell
 * @param width     a size as tmux takes it: cells ({@code 60}) or a percentage ({@code 80%})
 * @param directory where the program starts, or empty for the client's session directory
 */
public record PopupRequest(String clientTty, List<String> command, String width, String height, String title,
                           String directory) {

    public PopupRequest {
        Objects.requireNonNull(clientTty, "clientTty");
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a popup needs a command");
        }
        command = List.copyOf(command);
        Objects.requireNonNull(width, "width");
        Objects.requireNonNull(height, "height");
        title = title == null ? "" : title;
        directory = directory == null ? "" : directory;
    }

    /** A popup starting in the session's directory. */
    public PopupRequest(String clientTty, List<String> command, String width, String height, String title) {
        this(clientTty, command, width, height, title, "");
    }
}
