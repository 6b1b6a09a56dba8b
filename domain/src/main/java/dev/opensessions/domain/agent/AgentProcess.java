package dev.opensessions.domain.agent;

import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;

import java.util.Objects;

/**
 * A living agent program found in a pane's process tree.
 *
 * @param agent   the agent it is ({@code claude-code}, {@code codex}, ...)
 * @param pid     its process id
 * @param name    the name it was recognised by ({@code claude}, {@code codex}, ...)
 * @param pane    the pane whose process tree holds it
 * @param session the session of that pane, null when the pane belongs to no known session
 * @param cwd     its working directory, null when it could not be read
 */
public record AgentProcess(String agent, long pid, String name, PaneId pane, SessionName session, String cwd) {

    public AgentProcess {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(pane, "pane");
    }

    /** For {@code /debug/agents}: {@code claude pid 4242 in %3}. */
    public String describe() {
        return name + " pid " + pid + " in " + pane;
    }
}
