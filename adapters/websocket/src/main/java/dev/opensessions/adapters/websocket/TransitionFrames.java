package dev.opensessions.adapters.websocket;

import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.ThreadChange;
import dev.opensessions.protocol.ServerMessage;

/** Maps an agent row's status change to its {@code transition} frame. */
final class TransitionFrames {

    private TransitionFrames() {
    }

    static ServerMessage.Transition of(ThreadChange change) {
        AgentThread row = change.after();
        return new ServerMessage.Transition(row.session().value(), row.agent(), row.key().value(), row.threadId(),
                change.before() == null ? null : change.before().status().wireName(), row.status().wireName(),
                row.updatedAt().toEpochMilli(), row.unseen(), row.paneId() == null ? null : row.paneId().value());
    }
}
