package dev.opensessions.adapters.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.application.port.in.WaitForAgentUseCase;
import dev.opensessions.application.port.in.WaitOutcome;
import dev.opensessions.protocol.StateViews;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * {@code GET /api/wait}: a long poll until an agent row matches (CONTRACTS.md). Answered on the event loop
 * without holding a thread: the wait is a future the state's changes or its timer complete; a client that
 * hangs up ends its wait and frees its place.
 */
@Path("/")
public class WaitResource {

    static final int TOO_MANY_REQUESTS = 429;

    private final WaitForAgentUseCase waits;
    private final ObjectMapper mapper;

    public WaitResource(WaitForAgentUseCase waits, ObjectMapper mapper) {
        this.waits = waits;
        this.mapper = mapper;
    }

    @GET
    @NonBlocking
    @Path("api/wait")
    public CompletionStage<Response> waitFor(@QueryParam("session") String session, @QueryParam("agent") String agent,
                                             @QueryParam("thread") String thread, @QueryParam("status") String status,
                                             @QueryParam("timeout") String timeout, RoutingContext context) {
        WaitQuery query = WaitQuery.parse(session, agent, thread, status, timeout);
        CompletableFuture<WaitOutcome> wait = waits.waitFor(query.filter(), query.timeout()).toCompletableFuture();
        if (!wait.isDone()) {
            // Ends the wait when the connection goes before the answer; after the answer it changes nothing.
            context.addEndHandler(ended -> wait.cancel(false));
        }
        return wait.handle((outcome, failure) -> {
            if (failure == null) {
                return answer(outcome);
            }
            if (failure instanceof CancellationException) {
                // The client hung up: nobody reads this answer, and a hang-up is no server error to log.
                return Replies.text(Response.Status.REQUEST_TIMEOUT, "client gone");
            }
            throw new CompletionException(failure);
        });
    }

    private Response answer(WaitOutcome outcome) {
        return switch (outcome) {
            case WaitOutcome.Met met -> Response.ok(json(StateViews.agent(met.thread())), MediaType.APPLICATION_JSON_TYPE)
                    .build();
            case WaitOutcome.TimedOut timedOut -> Replies.text(Response.Status.REQUEST_TIMEOUT, "timed out");
            case WaitOutcome.TooManyWaits tooMany -> Response.status(TOO_MANY_REQUESTS).type(Replies.TEXT)
                    .entity("too many waits (at most " + tooMany.limit() + ")").build();
            case WaitOutcome.Stopped stopped -> Replies.text(Response.Status.SERVICE_UNAVAILABLE, "server stopping");
        };
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the agent row", e);
        }
    }
}
