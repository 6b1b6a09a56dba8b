package dev.opensessions.application.state;

import dev.opensessions.domain.agent.AgentTracker;
import dev.opensessions.domain.metadata.SessionMetadata;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.sidebar.SidebarPresence;
import dev.opensessions.domain.sidebar.SidebarSettings;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.SessionOrder;
import dev.opensessions.domain.session.Topology;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The whole server state at one moment, immutable and numbered: every change makes a new snapshot with a
 * higher version, so subscribers can drop anything older than what they already have.
 *
 * @param metadata pushed metadata per session name, including names that have no live session (yet)
 * @param sidebar  what every sidebar shares: theme, width, filter, collapsed groups
 *                 (docs/reference/sidebar.md#shared-settings)
 * @param presence whether sidebars are shown, and the lifecycle phase they show
 */
public record StateSnapshot(
        long version,
        Instant takenAt,
        Topology topology,
        SessionOrder order,
        AgentTracker agents,
        Map<SessionName, SessionMetadata> metadata,
        SidebarSettings sidebar,
        SidebarPresence presence) {

    public StateSnapshot {
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(topology, "topology");
        Objects.requireNonNull(order, "order");
        Objects.requireNonNull(agents, "agents");
        metadata = Map.copyOf(metadata);
        Objects.requireNonNull(sidebar, "sidebar");
        Objects.requireNonNull(presence, "presence");
    }

    /** A snapshot with default sidebar settings and presence. */
    public StateSnapshot(long version, Instant takenAt, Topology topology, SessionOrder order, AgentTracker agents,
                         Map<SessionName, SessionMetadata> metadata) {
        this(version, takenAt, topology, order, agents, metadata, SidebarSettings.defaults(), SidebarPresence.initial());
    }

    public static StateSnapshot initial(Instant at) {
        return new StateSnapshot(0, at, Topology.empty(), SessionOrder.empty(), AgentTracker.empty(), Map.of());
    }

    /** Live sessions in display order for a viewer whose current session is given (it is never hidden). */
    public List<Session> displayedSessions(Optional<SessionName> current) {
        return order.display(topology.sessions(), current);
    }

    public SessionMetadata metadataOf(SessionName name) {
        return metadata.getOrDefault(name, SessionMetadata.empty());
    }

    StateSnapshot next(Instant at, ServerState state) {
        return new StateSnapshot(version + 1, at, state.topology(), state.order(), state.agents(), state.metadata(),
                state.sidebar(), state.presence());
    }
}
