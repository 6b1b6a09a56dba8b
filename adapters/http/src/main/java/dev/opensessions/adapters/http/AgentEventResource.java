package dev.opensessions.adapters.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.application.port.in.RecordAgentEventUseCase;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

/**
 * Takes agent reports pushed by hooks and plugins (SPEC 2.3): 204 when applied to a live session, an
 * empty 202 when no live session matches (accepted and dropped).
 *
 * <p>The plain spellings of both paths are answered by {@link AgentEventRoute} before RESTEasy sees them;
 * this resource keeps what RESTEasy gives every resource for free (405 for other methods, OPTIONS, other
 * spellings of the paths), with the same answers. Answered on the event loop ({@code @NonBlocking}):
 * recording an event is an in-memory state change that never waits on I/O (docs/adr/0007).
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
        return Response.status(AgentEvents.record(recordAgentEvent, mapper, body)).build();
    }

    /** The oldest path, still targeted by the Codex hook (SPEC 2.2). */
    @POST
    @NonBlocking
    @Path("event")
    public Response event(byte[] body) {
        return agentEvent(body);
    }
}
