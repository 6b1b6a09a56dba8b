package dev.opensessions.adapters.tmux;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A full-height pane to split off one edge of a window.
 *
 * @param target      the window ({@code @3}), or a pane of it ({@code %7}) whose directory tmux defaults to
 * @param command     the program and its arguments, run without a shell
 * @param environment variables set for the program only
 * @param directory   its working directory, or empty for tmux's default
 * @param focus       whether the new pane becomes the active one
 */
public record SplitRequest(String target, Edge edge, int width, List<String> command,
                           Map<String, String> environment, String directory, boolean focus) {

    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public SplitRequest {
        if (target == null || !target.startsWith("%")) {
            TmuxNames.windowId(target);
        } else {
            TmuxNames.paneId(target);
        }
        Objects.requireNonNull(edge, "edge");
        if (width < 1) {
            throw new IllegalArgumentException("width < 1");
        }
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a split needs a command");
        }
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
        environment.keySet().forEach(name -> {
            if (!VARIABLE.matcher(name).matches()) {
                throw new IllegalArgumentException("not an environment variable name: " + name);
            }
        });
        directory = directory == null ? "" : directory;
    }
}
