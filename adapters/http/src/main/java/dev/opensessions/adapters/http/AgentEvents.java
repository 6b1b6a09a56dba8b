package dev.opensessions.adapters.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.application.port.in.AgentEventOutcome;
import dev.opensessions.application.port.in.RecordAgentEventUseCase;

/**
 * Records one agent report from its JSON body and names the HTTP status of the outcome, for
 * {@link AgentEventRoute}.
 */
final class AgentEvents {

    static final int APPLIED = 204;
    static final int DROPPED = 202;

    private AgentEvents() {
    }

    /** 204 when applied to a live session, 202 when accepted and dropped; a bad body throws {@link InvalidRequest}. */
    static int record(RecordAgentEventUseCase recordAgentEvent, ObjectMapper mapper, byte[] body) {
        AgentEventOutcome outcome = recordAgentEvent.record(AgentEventRequest.toCommand(JsonBody.parse(mapper, body)));
        return switch (outcome) {
            case AgentEventOutcome.Recorded recorded -> APPLIED;
            case AgentEventOutcome.Unresolved unresolved -> DROPPED;
            case AgentEventOutcome.Superseded superseded -> DROPPED;
        };
    }
}
