package dev.opensessions.adapters.tmux.ports;

import dev.opensessions.domain.agent.screen.AgentProgram;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How each agent's program shows in the process table: the names its binary runs under ({@code comm}, or
 * the last part of {@code argv[0]}), and for agents installed as node packages, a part of the script path a
 * runtime ({@code node}, {@code bun}, ...) runs. An agent not listed here is looked for by the program its
 * screen rule names (docs/reference/agents.md, "Screen detection"), and under its own name.
 */
final class AgentPrograms {

    private static final Map<String, Set<String>> NAMES = Map.of(
            "claude-code", Set.of("claude"),
            "codex", Set.of("codex"),
            "pi", Set.of("pi"),
            "opencode", Set.of("opencode"),
            "kilo", Set.of("kilo", "kilocode"),
            "amp", Set.of("amp"),
            "droid", Set.of("droid"));

    private static final Map<String, String> PACKAGES = Map.of(
            "claude-code", "/@anthropic-ai/claude-code/",
            "codex", "/@openai/codex/",
            "pi", "/pi-coding-agent/",
            "opencode", "/opencode-ai/",
            "kilo", "/@kilocode/cli/",
            "amp", "/@sourcegraph/amp/");

    private static final Set<String> RUNTIMES = Set.of("node", "nodejs", "bun", "deno");

    private AgentPrograms() {
    }

    /**
     * The agent a process is, and the name it was recognised by, from its {@code comm} and its arguments.
     *
     * @param agents the agents looked for
     */
    static Optional<Recognised> recognise(String comm, List<String> argv, Set<String> agents) {
        return recognise(comm, argv, agents, List.of());
    }

    /**
     * The agent a process is, by the table above first, then by the programs the screen rules name for the
     * agents the table does not list.
     *
     * @param agents the agents looked for
     * @param rules  the programs of the screen rules
     */
    static Optional<Recognised> recognise(String comm, List<String> argv, Set<String> agents,
                                          List<AgentProgram> rules) {
        return listed(comm, argv, agents).or(() -> ruled(comm, argv, agents, rules));
    }

    private static Optional<Recognised> ruled(String comm, List<String> argv, Set<String> agents,
                                              List<AgentProgram> rules) {
        for (AgentProgram rule : rules) {
            if (agents.contains(rule.agent()) && !NAMES.containsKey(rule.agent())) {
                Optional<String> name = rule.recognise(comm, argv);
                if (name.isPresent()) {
                    return Optional.of(new Recognised(rule.agent(), name.get()));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<Recognised> listed(String comm, List<String> argv, Set<String> agents) {
        String command = argv.isEmpty() ? "" : baseName(argv.getFirst());
        for (String agent : agents) {
            Set<String> names = NAMES.getOrDefault(agent, Set.of(agent));
            if (names.contains(comm)) {
                return Optional.of(new Recognised(agent, comm));
            }
            if (names.contains(command)) {
                return Optional.of(new Recognised(agent, command));
            }
        }
        boolean runtime = RUNTIMES.contains(comm) || RUNTIMES.contains(command);
        if (!runtime || argv.size() < 2) {
            return Optional.empty();
        }
        String script = argv.get(1);
        for (String agent : agents) {
            String name = baseName(script);
            if (NAMES.getOrDefault(agent, Set.of(agent)).contains(name)) {
                return Optional.of(new Recognised(agent, name));
            }
            String fragment = PACKAGES.get(agent);
            if (fragment != null && script.contains(fragment)) {
                return Optional.of(new Recognised(agent, NAMES.get(agent).iterator().next()));
            }
        }
        return Optional.empty();
    }

    private static String baseName(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    /** An agent process: which agent, and the program name that told. */
    record Recognised(String agent, String name) {
    }
}
