package dev.opensessions.adapters.agents.plugin;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An external agent source declared in {@code config.json} under {@code agentPlugins}: a program started
 * without a shell that prints one agent-event JSON object per line.
 *
 * @param name    a short identifier, used in the origin {@code plugin:<name>} and in log lines
 * @param command the program and its arguments, passed as words
 */
public record AgentPlugin(String name, List<String> command) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    public AgentPlugin {
        Objects.requireNonNull(name, "name");
        command = List.copyOf(command);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("plugin name must be letters, digits, '.', '_' or '-': " + name);
        }
        if (command.isEmpty() || command.getFirst().isBlank()) {
            throw new IllegalArgumentException("plugin " + name + " has no command");
        }
    }

    /** Where its observations come from, for {@code /debug/agents}. */
    public String origin() {
        return "plugin:" + name;
    }
}
