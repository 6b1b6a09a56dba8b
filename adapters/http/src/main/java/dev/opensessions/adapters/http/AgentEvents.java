package dev.opensessions.adapters.http;

import com.fasterxml.jackson.core.JsonFactory;
import dev.opensessions.application.port.in.AgentEventOutcome;
import dev.opensessions.application.port.in.RecordAgentEventUseCase;

/**
 * Reads one agent report from its JSON body and names the HTTP status of its outcome, for
 * {@link AgentEventRoute}.
 */
final class AgentEvents {

    static final int APPLIED = 204;
    static final int DROPPED = 202;

    private AgentEvents() {
    }

    /** The report of a body; a bad body throws {@link InvalidRequest}. */
    static RecordAgentEventUseCase.Command command(JsonFactory json, byte[] body) {
        return AgentEventRequest.toCommand(json, body);
    }

    /** 204 when applied to a live session, 202 when accepted and dropped. */
    static int status(AgentEventOutcome outcome) {
        return switch (outcome) {
            case AgentEventOutcome.Recorded recorded -> APPLIED;
            case AgentEventOutcome.Unresolved unresolved -> DROPPED;
            case AgentEventOutcome.Superseded superseded -> DROPPED;
        };
    }
}
