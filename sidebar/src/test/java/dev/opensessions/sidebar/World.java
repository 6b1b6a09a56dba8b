package dev.opensessions.sidebar;

import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.domain.agent.AgentEvent;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.AgentTracker;
import dev.opensessions.domain.metadata.LogEntry;
import dev.opensessions.domain.metadata.Progress;
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
import dev.opensessions.sidebar.model.SidebarState;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Builds real server snapshots for sidebar tests: sessions (created one second apart, so they list in the
 * order they are added), git state, ports, clients, agent events through the real tracker, and metadata.
 * Every session gets a sidebar pane {@code %10N} beside its content pane {@code %N}.
 */
public final class World {

    public static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private final Map<SessionName, Session> sessions = new LinkedHashMap<>();
    private final Map<PaneId, SessionName> sidebars = new HashMap<>();
    private final List<Client> clients = new ArrayList<>();
    private final Set<PaneId> focused = new HashSet<>();
    private final Map<SessionName, SessionMetadata> metadata = new HashMap<>();
    private AgentTracker agents = AgentTracker.empty();
    private SessionOrder order = SessionOrder.empty();
    private long version = 1;
    private SidebarSettings settings = SidebarSettings.defaults();
    private SidebarPresence presence = SidebarPresence.initial();

    public static SessionName name(String value) {
        return SessionName.of(value);
    }

    /** The sidebar pane of the n-th session added (1-based). */
    public static PaneId sidebarOf(int n) {
        return PaneId.of("%10" + n);
    }

    public World session(String name, String directory) {
        int n = sessions.size() + 1;
        sessions.put(name(name), new Session(name(name), T0.plusSeconds(n), directory, 1, List.of(PaneId.of("%" + n))));
        sidebars.put(sidebarOf(n), name(name));
        return this;
    }

    public World remove(String name) {
        sessions.remove(name(name));
        sidebars.values().removeIf(name(name)::equals);
        return this;
    }

    /** Moves the n-th session's sidebar pane into another session (tmux {@code move-pane}). */
    public World sidebarIn(int n, String session) {
        sidebars.put(sidebarOf(n), name(session));
        return this;
    }

    public World detach(String tty) {
        clients.removeIf(c -> c.tty().equals(tty));
        return this;
    }

    public World git(String name, String branch, int insertions, int deletions) {
        boolean dirty = insertions + deletions > 0;
        return change(name, s -> s.withGit(new GitStatus(branch, dirty, dirty ? 1 : 0, insertions, deletions, false,
                "/repo/" + name + "/.git")));
    }

    public World ports(String name, Integer... ports) {
        return change(name, s -> s.withPorts(List.of(ports)));
    }

    /** A user's terminal showing the session, looking at its content pane. */
    public World client(String tty, String session) {
        clients.removeIf(c -> c.tty().equals(tty));
        PaneId pane = sessions.get(name(session)).panes().getFirst();
        clients.add(new Client(tty, name(session), pane));
        return this;
    }

    public World agent(String session, String agent, AgentStatus status, String threadName, String prompt) {
        return agent(session, agent, status, threadName, prompt, null);
    }

    /** Records an agent event through the real tracker; {@code unseen} null lets the tracker decide. */
    public World agent(String session, String agent, AgentStatus status, String threadName, String prompt,
                       Boolean unseen) {
        version++;
        AgentEvent event = new AgentEvent(agent, status, T0.plusSeconds(version), threadName == null ? null : "t-" + threadName,
                threadName, prompt, unseen, null, null);
        agents = agents.record(name(session), event, focused);
        return this;
    }

    /** An agent whose pane is known (hooks report it), so the agents panel can show or kill that pane. */
    public World agentInPane(String session, String agent, AgentStatus status, String threadName, String pane) {
        version++;
        AgentEvent event = new AgentEvent(agent, status, T0.plusSeconds(version), "t-" + threadName, threadName, null,
                null, PaneId.of(pane), null);
        agents = agents.record(name(session), event, focused);
        return this;
    }

    /** Git state of a checkout of the repository {@code repo}: the main one, or a linked worktree. */
    public World worktree(String name, String repo, String branch, boolean linked, int insertions, int deletions) {
        boolean dirty = insertions + deletions > 0;
        return change(name, s -> s.withGit(new GitStatus(branch, dirty, dirty ? 1 : 0, insertions, deletions, linked,
                repo + "/.git")));
    }

    /** The sidebar presence (visibility and lifecycle phase) the next snapshots carry. */
    public World presence(SidebarPresence value) {
        presence = value;
        return this;
    }

    /** Changes the shared sidebar settings the next snapshots carry. */
    public World settings(UnaryOperator<SidebarSettings> change) {
        settings = change.apply(settings);
        return this;
    }

    public World status(String session, String text, Tone tone) {
        return meta(session, m -> m.withStatus(new StatusPill(text, tone, T0)));
    }

    public World progress(String session, Double current, Double total, Double percent, String label) {
        return meta(session, m -> m.withProgress(Progress.of(current, total, percent, label, T0).orElseThrow()));
    }

    public World log(String session, String message, Tone tone) {
        return log(session, message, tone, null);
    }

    public World log(String session, String message, Tone tone, String source) {
        return meta(session, m -> m.withLog(new LogEntry(message, tone, source, T0)));
    }

    public World order(String... names) {
        order = new SessionOrder(Arrays.stream(names).map(World::name).toList(), order.hidden());
        return this;
    }

    public World hide(String name) {
        order = order.hide(name(name));
        return this;
    }

    /** A new snapshot, numbered above every earlier one of this world. */
    public StateSnapshot snapshot() {
        version++;
        Topology topology = new Topology(List.copyOf(sessions.values()), focused, clients, sidebars);
        return new StateSnapshot(version, T0.plusSeconds(version), topology, order, agents, metadata, settings,
                presence);
    }

    /** A sidebar in the n-th session's sidebar pane, of the given size, on this world's snapshot. */
    public SidebarState sidebar(int n, int width, int height) {
        return SidebarState.initial(sidebarOf(n), width, height, snapshot());
    }

    private World change(String name, UnaryOperator<Session> change) {
        sessions.put(name(name), change.apply(sessions.get(name(name))));
        return this;
    }

    private World meta(String session, UnaryOperator<SessionMetadata> change) {
        metadata.put(name(session), change.apply(metadata.getOrDefault(name(session), SessionMetadata.empty())));
        return this;
    }
}
