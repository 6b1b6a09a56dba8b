package dev.opensessions.domain.agent.screen;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * How an agent's program shows in the process table: the names its binary runs under ({@code comm}, or the
 * last part of {@code argv[0]}), parts of the script path a runtime ({@code node}, {@code python}, ...) runs,
 * and patterns one of a runtime's arguments matches.
 *
 * @param agent     the agent it is ({@code gemini}, {@code aider}, ...)
 * @param names     the program names
 * @param packages  parts of a runtime's script path ({@code /@google/gemini-cli/})
 * @param arguments patterns any argument after a runtime's name may match
 */
public record AgentProgram(String agent, Set<String> names, Set<String> packages, List<Pattern> arguments) {

    /** The programs that run another program's script. */
    public static final Set<String> RUNTIMES = Set.of("node", "nodejs", "bun", "deno", "python", "python3", "uv",
            "uvx", "npx", "pipx");

    public AgentProgram {
        Objects.requireNonNull(agent, "agent");
        names = Set.copyOf(names);
        packages = Set.copyOf(packages);
        arguments = List.copyOf(arguments);
        if (names.isEmpty() && packages.isEmpty() && arguments.isEmpty()) {
            throw new IllegalArgumentException("agent " + agent + " names no program, package or argument");
        }
    }

    /**
     * The name this process was recognised by, from its {@code comm} and its arguments, or empty when it is
     * not this agent.
     */
    public Optional<String> recognise(String comm, List<String> argv) {
        String command = argv.isEmpty() ? "" : baseName(argv.getFirst());
        if (names.contains(comm)) {
            return Optional.of(comm);
        }
        if (names.contains(command)) {
            return Optional.of(command);
        }
        boolean runtime = RUNTIMES.contains(comm) || RUNTIMES.contains(command);
        if (!runtime) {
            return Optional.empty();
        }
        for (String argument : argv.subList(Math.min(1, argv.size()), argv.size())) {
            if (names.contains(baseName(argument))) {
                return Optional.of(baseName(argument));
            }
            if (packages.stream().anyMatch(argument::contains)
                    || arguments.stream().anyMatch(pattern -> pattern.matcher(argument).find())) {
                return Optional.of(names.isEmpty() ? agent : names.iterator().next());
            }
        }
        return Optional.empty();
    }

    private static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }
}
