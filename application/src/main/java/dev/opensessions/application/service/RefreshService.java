package dev.opensessions.application.service;

import dev.opensessions.application.port.in.ClientContext;
import dev.opensessions.application.port.in.RefreshUseCase;
import dev.opensessions.application.port.out.SessionSource;
import dev.opensessions.application.state.Change;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.domain.agent.AgentTracker;
import dev.opensessions.domain.session.PaneId;

import java.util.Objects;

/**
 * Re-reads the multiplexer on request, and on a client's focus hook also marks seen the agents of the pane
 * it now looks at ({@code /refresh} and {@code /focus}; docs/reference/agents.md#unseen-markers).
 */
public final class RefreshService implements RefreshUseCase {

    private final StateOwner owner;
    private final SessionSource source;

    public RefreshService(StateOwner owner, SessionSource source) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.source = Objects.requireNonNull(source, "source");
    }

    @Override
    public void refresh() {
        source.refresh();
    }

    @Override
    public void focus(ClientContext context) {
        Objects.requireNonNull(context, "context");
        refresh();
        if (!context.paneActive() || context.pane().isEmpty()) {
            return;
        }
        PaneId pane = context.pane().get();
        owner.apply(state -> {
            AgentTracker seen = state.agents().markPaneSeen(pane);
            return Change.of(seen.equals(state.agents()) ? state : state.withAgents(seen), null);
        });
    }
}
