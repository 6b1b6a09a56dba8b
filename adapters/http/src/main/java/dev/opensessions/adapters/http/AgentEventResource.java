package dev.opensessions.adapters.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.application.port.in.AgentEventOutcome;
import dev.opensessions.application.port.in.RecordAgentEventUseCase;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * Takes agent reports pushed by hooks and plugins (SPEC 2.3): 204 when applied to a live session, an
 * empty 202 when no live session matches (accepted and dropped).
 *
 * <p>Answered on the event loop ({@code @NonBlocking}): recording an event is an in-memory state change
 * that never waits on I/O, and the default worker-thread dispatch (a thread hand-off and a blocking body
 * stream per request) cost more CPU than the event itself (docs/adr/0007).
 */
@Path("/")
public class AgentEventResource {

    private final RecordAgentEventUseCase recordAgentEvent;
    private final ObjectMapper mapper;

    public AgentEventResource(RecordAgentEventUseCase recordAgentEvent, ObjectMapper mapper) {
        this.recordAgentEvent = recordAgentEvent;
        this.mapper = mapper;
    }

    @POST
    @NonBlocking
    @Path("api/agent-event")
    public Response agentEvent(byte[] body) {
        AgentEventOutcome outcome = recordAgentEvent.record(AgentEventRequest.toCommand(JsonBody.parse(mapper, body)));
        return switch (outcome) {
            case AgentEventOutcome.Recorded recorded -> Replies.noContent();
            case AgentEventOutcome.Unresolved unresolved -> Response.accepted().build();
            case AgentEventOutcome.Superseded superseded -> Response.accepted().build();
        };
    }

    /** The oldest path, still targeted by the Codex hook (SPEC 2.2). */
    @POST
    @NonBlocking
    @Path("event")
    public Response event(byte[] body) {
        return agentEvent(body);
    }
}
