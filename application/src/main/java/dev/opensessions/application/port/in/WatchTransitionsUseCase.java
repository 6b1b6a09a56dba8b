package dev.opensessions.application.port.in;

import dev.opensessions.application.state.Subscription;
import dev.opensessions.domain.agent.ThreadChange;

import java.util.function.Consumer;

/**
 * Streams the status changes of the agent rows a filter matches, each one as it happens (not coalesced). The
 * sink runs on the state owner's thread and must only hand the change on.
 */
public interface WatchTransitionsUseCase {

    Subscription watch(AgentFilter filter, Consumer<ThreadChange> sink);
}
