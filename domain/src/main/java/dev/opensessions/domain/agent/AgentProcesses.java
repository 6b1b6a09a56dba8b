package dev.opensessions.domain.agent;

import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The agent programs living in panes at one moment, and the rule that ties a thread to one of them: the same
 * agent, and the thread's own pane, or a pane of the session the thread maps to, or a working directory equal
 * to the thread's project directory or above it (never the file system root, which is above everything).
 *
 * @param processes the agent processes found
 * @param known     false when this machine cannot tell which processes live (no /proc); then nothing matches
 *                  and {@link #lookFor} says so
 */
public record AgentProcesses(List<AgentProcess> processes, boolean known) {

    public AgentProcesses {
        processes = List.copyOf(processes);
    }

    public static AgentProcesses unknown() {
        return new AgentProcesses(List.of(), false);
    }

    public static AgentProcesses of(List<AgentProcess> processes) {
        return new AgentProcesses(processes, true);
    }

    /** What liveness says of a thread: the process that keeps it alive, none, or that nobody can tell. */
    public ProcessLook lookFor(String agent, PaneId pane, SessionName session, String projectDir) {
        if (!known) {
            return ProcessLook.unknown();
        }
        return match(agent, pane, session, projectDir).map(ProcessLook::alive).orElseGet(ProcessLook::gone);
    }

    /** The best match: by pane first, then by session, then by directory. */
    public Optional<AgentProcess> match(String agent, PaneId pane, SessionName session, String projectDir) {
        Optional<AgentProcess> byPane = find(agent, p -> pane != null && pane.equals(p.pane()));
        if (byPane.isPresent()) {
            return byPane;
        }
        Optional<AgentProcess> bySession = find(agent, p -> session != null && session.equals(p.session()));
        return bySession.isPresent() ? bySession : find(agent, p -> contains(p.cwd(), projectDir));
    }

    private Optional<AgentProcess> find(String agent, Predicate<AgentProcess> where) {
        return processes.stream().filter(p -> p.agent().equals(agent)).filter(where).findFirst();
    }

    /** True when {@code dir} is {@code cwd} or lies below it, comparing whole path segments. */
    static boolean contains(String cwd, String dir) {
        if (cwd == null || dir == null || !cwd.startsWith("/") || !dir.startsWith("/")) {
            return false;
        }
        String base = trimmed(cwd);
        String target = trimmed(dir);
        if (base.isEmpty()) {
            return false;
        }
        return target.equals(base) || target.startsWith(base + "/");
    }

    private static String trimmed(String path) {
        String result = path;
        while (result.endsWith("/")) {
            result = result.substring(0, result.length() - 1);
        }
        return result;
    }
}
