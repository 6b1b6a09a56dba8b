package dev.opensessions.sidebar;

import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.metadata.Tone;

/**
 * A long session list for tests of what a pane draws when most sessions are off screen: 200 sessions
 * {@code s001}..{@code s200}, every third a linked worktree of the one before (so groups sit throughout),
 * dirty checkouts, ports, agents in every status and a client on {@code s100}.
 */
public final class LongWorld {

    public static final int SESSIONS = 200;
    private static final AgentStatus[] STATUSES = {
            AgentStatus.RUNNING, AgentStatus.DONE, AgentStatus.WAITING, AgentStatus.ERROR, AgentStatus.TOOL_RUNNING};

    private LongWorld() {
    }

    public static String name(int n) {
        return "s%03d".formatted(n);
    }

    public static World of() {
        World world = new World();
        for (int n = 1; n <= SESSIONS; n++) {
            String name = name(n);
            world.session(name, "/home/u/code/" + name);
            int repository = n % 3 == 0 ? n - 1 : n;
            world.worktree(name, "/home/u/code/" + name(repository), n % 3 == 0 ? "feature-" + n : "main",
                    n % 3 == 0, n % 2 == 0 ? 3 * n : 0, n % 2 == 0 ? n : 0);
            if (n % 7 == 0) {
                world.ports(name, 3000 + n, 5173);
            }
            if (n % 4 != 1) {
                world.agent(name, "claude-code", STATUSES[n % STATUSES.length], "task " + n, "fix " + name);
            }
            if (n % 10 == 0) {
                world.status(name, "deploying " + n, Tone.INFO);
            }
        }
        return world.client("/dev/pts/1", name(100));
    }
}
