package dev.opensessions.application.state;

import dev.opensessions.domain.agent.AgentTracker;
import dev.opensessions.domain.metadata.SessionMetadata;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.SessionOrder;
import dev.opensessions.domain.session.Topology;
import dev.opensessions.domain.sidebar.SidebarPresence;
import dev.opensessions.domain.sidebar.SidebarSettings;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * The parts of the state a change may replace; the state owner turns it into the next numbered snapshot.
 */
public record ServerState(
        Topology topology,
        SessionOrder order,
        AgentTracker agents,
        Map<SessionName, SessionMetadata> metadata,
        SidebarSettings sidebar,
        SidebarPresence presence) {

    public ServerState {
        metadata = Map.copyOf(metadata);
        Objects.requireNonNull(sidebar, "sidebar");
        Objects.requireNonNull(presence, "presence");
    }

    /** A state with default sidebar settings and presence. */
    public ServerState(Topology topology, SessionOrder order, AgentTracker agents,
                       Map<SessionName, SessionMetadata> metadata) {
        this(topology, order, agents, metadata, SidebarSettings.defaults(), SidebarPresence.initial());
    }

    public static ServerState of(StateSnapshot snapshot) {
        return new ServerState(snapshot.topology(), snapshot.order(), snapshot.agents(), snapshot.metadata(),
                snapshot.sidebar(), snapshot.presence());
    }

    public ServerState withTopology(Topology value) {
        return new ServerState(value, order, agents, metadata, sidebar, presence);
    }

    public ServerState withOrder(SessionOrder value) {
        return new ServerState(topology, value, agents, metadata, sidebar, presence);
    }

    public ServerState withAgents(AgentTracker value) {
        return new ServerState(topology, order, value, metadata, sidebar, presence);
    }

    /** Applies a change to one session's metadata; an emptied entry is removed. */
    public ServerState withMetadata(SessionName name, UnaryOperator<SessionMetadata> change) {
        Map<SessionName, SessionMetadata> next = new HashMap<>(metadata);
        SessionMetadata updated = change.apply(next.getOrDefault(name, SessionMetadata.empty()));
        if (updated.isEmpty()) {
            next.remove(name);
        } else {
            next.put(name, updated);
        }
        return new ServerState(topology, order, agents, next, sidebar, presence);
    }

    public ServerState withSidebar(SidebarSettings value) {
        return new ServerState(topology, order, agents, metadata, value, presence);
    }

    public ServerState withPresence(SidebarPresence value) {
        return new ServerState(topology, order, agents, metadata, sidebar, value);
    }

    StateSnapshot toSnapshot(StateSnapshot previous, Instant at) {
        return previous.next(at, this);
    }
}
