package dev.opensessions.adapters.tmux;

import java.util.List;
import java.util.Map;

/**
 * What runs in a sidebar pane, as the server says: the program's argument vector (run without a shell, such as
 * {@code [/opt/opensessions/bin/opensessions-pane]}) and the variables it needs to reach the server.
 */
public record SidebarLaunch(List<String> command, Map<String, String> environment) {

    /** The variable telling the pane which window it was opened for. */
    public static final String WINDOW_VARIABLE = "OPENSESSIONS_WINDOW_ID";

    public SidebarLaunch {
        if (command.isEmpty()) {
            throw new IllegalArgumentException("a sidebar needs a program");
        }
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }
}
