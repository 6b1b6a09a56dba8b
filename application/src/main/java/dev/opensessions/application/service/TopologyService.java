package dev.opensessions.application.service;

import dev.opensessions.application.port.out.SessionSource;
import dev.opensessions.application.state.Change;
import dev.opensessions.application.state.ServerState;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.domain.agent.AgentTracker;
import dev.opensessions.domain.agent.UserLooks;
import dev.opensessions.domain.session.Topology;

import java.util.Objects;

/**
 * Follows the multiplexer: each topology it pushes replaces the live sessions, stamps agent panes alive or
 * exited, and clears the unseen markers the user just looked at (a pane gaining focus, a client switching
 * into a session with one unseen agent; {@link UserLooks}).
 */
public final class TopologyService implements AutoCloseable {

    private final StateOwner owner;
    private final SessionSource source;

    public TopologyService(StateOwner owner, SessionSource source) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.source = Objects.requireNonNull(source, "source");
    }

    public void start() {
        source.open(this::apply);
    }

    void apply(Topology topology) {
        owner.apply(state -> Change.of(next(state, topology), null));
    }

    private static ServerState next(ServerState state, Topology topology) {
        AgentTracker agents = state.agents().panesPresent(topology.paneOwners().keySet());
        agents = UserLooks.apply(agents, state.topology(), topology);
        return state.withTopology(topology).withAgents(agents);
    }

    @Override
    public void close() {
        source.close();
    }
}
