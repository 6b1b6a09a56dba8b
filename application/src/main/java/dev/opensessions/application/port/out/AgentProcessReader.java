package dev.opensessions.application.port.out;

import dev.opensessions.domain.session.PaneId;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Which agent programs live in the panes' process trees, read from the operating system without starting any
 * process, and a signal when that may have changed (a pane came or went, a pane's foreground program changed).
 */
public interface AgentProcessReader {

    /**
     * The agent processes living now in any non-sidebar pane's process tree, recognised by their program name
     * ({@code claude}, {@code codex}, ... or the agent script a node runs), or empty when this machine cannot
     * tell.
     *
     * @param agents the agents to look for ({@code claude-code}, {@code codex}, ...); an agent this reader has no
     *               program name for is looked for under its own name; a process that ends while it is read is
     *               simply not listed
     */
    Optional<List<RunningAgent>> living(Set<String> agents);

    /**
     * Adds one more listener told, on any thread, when the panes' programs may have changed: liveness and the
     * screen reader both follow this one signal.
     */
    void onChange(Runnable listener);

    /** A reader for a machine that cannot tell: every answer is empty, nothing ever changes. */
    static AgentProcessReader none() {
        return new AgentProcessReader() {
            @Override
            public Optional<List<RunningAgent>> living(Set<String> agents) {
                return Optional.empty();
            }

            @Override
            public void onChange(Runnable listener) {
            }
        };
    }

    /**
     * One agent program found.
     *
     * @param name the program name it was recognised by
     * @param pane the pane whose tree holds it
     * @param cwd  its working directory, null when it could not be read
     */
    record RunningAgent(String agent, long pid, String name, PaneId pane, String cwd) {
        public RunningAgent {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(pane, "pane");
        }

        /** For {@code /debug/agents}: {@code gemini pid 4242 in %3}. */
        public String describe() {
            return name + " pid " + pid + " in " + pane;
        }
    }
}
