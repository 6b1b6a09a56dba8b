package dev.opensessions.bench;

import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.domain.agent.AgentEvent;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.AgentTracker;
import dev.opensessions.domain.metadata.SessionMetadata;
import dev.opensessions.domain.metadata.StatusPill;
import dev.opensessions.domain.metadata.Tone;
import dev.opensessions.domain.session.Client;
import dev.opensessions.domain.session.GitStatus;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.SessionOrder;
import dev.opensessions.domain.session.Topology;
import dev.opensessions.domain.sidebar.SidebarPresence;
import dev.opensessions.domain.sidebar.SidebarSettings;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A busy server state of any size for the benchmarks: every session a git checkout (every third one a
 * linked worktree of the one before, every other one dirty), ports on every fourth, two agent threads per
 * session in rotating statuses, a status pill on every fifth, one attached client, a sidebar pane in each.
 */
public final class BenchWorld {

    public static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final AgentStatus[] STATUSES = {
            AgentStatus.RUNNING, AgentStatus.DONE, AgentStatus.WAITING, AgentStatus.ERROR, AgentStatus.TOOL_RUNNING};

    private BenchWorld() {
    }

    public static SessionName name(int n) {
        return SessionName.of(String.format("project-%03d", n));
    }

    /** The sidebar pane that lives in the n-th session (1-based). */
    public static PaneId sidebarOf(int n) {
        return PaneId.of("%" + (100_000 + n));
    }

    public static StateSnapshot snapshot(int sessions) {
        List<Session> live = new ArrayList<>();
        Map<PaneId, SessionName> sidebars = new HashMap<>();
        Map<SessionName, SessionMetadata> metadata = new HashMap<>();
        for (int n = 1; n <= sessions; n++) {
            SessionName name = name(n);
            int repository = n % 3 == 0 ? n - 1 : n;
            GitStatus git = new GitStatus(n % 3 == 0 ? "feature-" + n : "main", n % 2 == 0, n % 2 == 0 ? n % 7 + 1 : 0,
                    n % 2 == 0 ? 3 * n : 0, n % 2 == 0 ? n : 0, n % 3 == 0, "/home/u/code/repo-" + repository + "/.git");
            List<Integer> ports = n % 4 == 0 ? List.of(3000 + n, 5173) : List.of();
            live.add(new Session(name, T0.plusSeconds(n), "/home/u/code/repo-" + n, 2, List.of(PaneId.of("%" + n)))
                    .withGit(git).withPorts(ports));
            sidebars.put(sidebarOf(n), name);
            if (n % 5 == 0) {
                metadata.put(name, SessionMetadata.empty().withStatus(new StatusPill("deploying " + n, Tone.INFO, T0)));
            }
        }
        return new StateSnapshot(1, T0, new Topology(live, Set.of(PaneId.of("%1")),
                List.of(new Client("/dev/pts/1", name(1), PaneId.of("%1"))), sidebars), SessionOrder.empty(),
                agents(sessions), metadata, SidebarSettings.defaults(), SidebarPresence.initial());
    }

    /** Two agent threads in every session, recorded through the real tracker. */
    public static AgentTracker agents(int sessions) {
        AgentTracker tracker = AgentTracker.empty();
        for (int n = 1; n <= sessions; n++) {
            for (int k = 0; k < 2; k++) {
                tracker = tracker.record(name(n), event(n, k, STATUSES[(n + k) % STATUSES.length], T0.plusSeconds(n)),
                        Set.of());
            }
        }
        return tracker;
    }

    /** An event of agent thread k of the n-th session, as a hook would post it. */
    public static AgentEvent event(int n, int k, AgentStatus status, Instant ts) {
        return new AgentEvent("claude-code", status, ts, "thread-" + n + "-" + k, "task " + k, "fix the build", null,
                null, null);
    }

    public static AgentStatus status(long i) {
        return STATUSES[(int) (i % STATUSES.length)];
    }
}
