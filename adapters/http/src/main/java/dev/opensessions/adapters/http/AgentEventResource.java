package dev.opensessions.adapters.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.application.port.in.RecordAgentEventUseCase;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.util.concurrent.CompletionStage;

/**
 * Takes agent reports pushed by hooks and plugins: 204 when applied to a live session and committed, an
 * empty 202 when no live session matches (accepted and dropped). Answered on the event loop
 * ({@code @NonBlocking}): recording an event is an in-memory state change, the body is already in memory
 * ({@link RequestGate}), and the answer waits for the group commit without holding a thread.
 */
@Path("/")
public class AgentEventResource {

    private final RecordAgentEventUseCase recordAgentEvent;
    private final Acknowledgements acknowledgements;
    private final ObjectMapper mapper;

    public AgentEventResource(RecordAgentEventUseCase recordAgentEvent, Acknowledgements acknowledgements,
                              ObjectMapper mapper) {
        this.recordAgentEvent = recordAgentEvent;
        this.acknowledgements = acknowledgements;
        this.mapper = mapper;
    }

    @POST
    @NonBlocking
    @Path("api/agent-event")
    public CompletionStage<Response> agentEvent(RoutingContext context) {
        byte[] body = Acknowledgements.body(context);
        return acknowledgements.afterCommit(
                () -> Response.status(AgentEvents.record(recordAgentEvent, mapper, body)).build());
    }

    /** The oldest path, still targeted by the Codex hook. */
    @POST
    @NonBlocking
    @Path("event")
    public CompletionStage<Response> event(RoutingContext context) {
        return agentEvent(context);
    }
}
