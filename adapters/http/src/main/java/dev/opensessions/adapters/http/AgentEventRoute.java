package dev.opensessions.adapters.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.application.port.in.RecordAgentEventUseCase;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.VertxHttpRecorder;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.util.List;

/**
 * Takes agent reports (SPEC 2.3) on {@code POST /api/agent-event} and {@code POST /event} as a plain Vert.x
 * route on the event loop, ahead of RESTEasy: the busiest endpoint skips RESTEasy's per-request handler
 * chain and request scope (docs/adr/0008). The answers are those of {@link AgentEventResource}, which
 * still takes the other methods of these paths (405, OPTIONS) and any spelling the route does not match.
 *
 * <p>{@link LoopbackGuard} and Quarkus's {@code Content-Length} limit run before any route; a chunked body
 * is held to the same limit by {@link BoundedBody}.
 */
@ApplicationScoped
public class AgentEventRoute {

    static final List<String> PATHS = List.of("/api/agent-event", "/event");
    private static final String TEXT = "text/plain;charset=UTF-8";

    private final RecordAgentEventUseCase recordAgentEvent;
    private final ObjectMapper mapper;

    public AgentEventRoute(RecordAgentEventUseCase recordAgentEvent, ObjectMapper mapper) {
        this.recordAgentEvent = recordAgentEvent;
        this.mapper = mapper;
    }

    /** Before RESTEasy's route (order 20 500), after Quarkus's own handlers (below 1 000). */
    void register(@Observes Router router) {
        for (String path : PATHS) {
            router.post(path).order(RouteConstants.ROUTE_ORDER_DEFAULT).handler(this::handle);
        }
    }

    void handle(RoutingContext context) {
        // Quarkus sets the limit here only when the request has no Content-Length it could check itself.
        Long limit = context.get(VertxHttpRecorder.MAX_REQUEST_SIZE_KEY);
        BoundedBody.read(context, limit == null ? Long.MAX_VALUE : limit, body -> answer(context, body));
    }

    private void answer(RoutingContext context, Buffer body) {
        HttpServerResponse response = context.response();
        int status;
        try {
            status = AgentEvents.record(recordAgentEvent, mapper, body.getBytes());
        } catch (InvalidRequest invalid) {
            response.setStatusCode(400).putHeader("Content-Type", TEXT).end(invalid.reason());
            return;
        } catch (RuntimeException unexpected) {
            context.fail(unexpected);
            return;
        }
        response.setStatusCode(status).end();
    }
}
