package dev.opensessions.adapters.http;

import dev.opensessions.application.security.ControlToken;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * The one way a request body enters the server, on every route (unknown paths too), before any resource
 * or worker thread sees the request: the control paths check the bearer token before a byte of body is
 * read; a body is read on the event loop, without blocking any thread, up to the size limit and under
 * a total deadline; only then does the request go on to its resource, with the body in memory
 * (docs/adr/0010). A body the client does not finish in time is answered {@code 408} and its connection
 * closed, so a slow or stalled client holds a socket and a timer, never a thread. The agent-event paths are
 * routed ahead of the filters and call {@link #admit} themselves (docs/adr/0036); it is a singleton, so that call
 * goes through no client proxy.
 */
@Singleton
public class RequestGate {

    /** After {@link LoopbackGuard}, so a forged request is refused before its token or body counts. */
    static final int PRIORITY = LoopbackGuard.PRIORITY - 1;

    /** How long a request's whole body may take to arrive (a hook sends its few hundred bytes at once). */
    public static final String DEFAULT_BODY_DEADLINE = "10s";

    private final ControlToken token;
    private final long maxBody;
    private final long deadlineMillis;

    public RequestGate(ControlToken token,
                       @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "1M")
                       io.quarkus.runtime.configuration.MemorySize maxBody,
                       @ConfigProperty(name = "opensessions.http.body-deadline", defaultValue = DEFAULT_BODY_DEADLINE)
                       Duration deadline) {
        this.token = token;
        this.maxBody = maxBody.asLongValue();
        this.deadlineMillis = Math.max(1, deadline.toMillis());
    }

    void register(@Observes Filters filters) {
        filters.register(this::check, PRIORITY);
    }

    void check(RoutingContext context) {
        admit(context, RoutingContext::next);
    }

    /**
     * Applies the gate's rules to the request (the token of the control paths, HTTP/1.1 for bodies, the declared
     * size), reads its body into the context within the size limit and the deadline, then hands the context to
     * {@code then}; a request refused on the way is answered here and never reaches {@code then}.
     */
    void admit(RoutingContext context, Handler<RoutingContext> then) {
        HttpServerRequest request = context.request();
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        boolean hasBody = LoopbackGuard.hasBody(request, length);
        if (ControlResource.PATHS.contains(context.normalizedPath())
                && !token.matchesBearer(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            refuse(context, 401, "unauthorized", hasBody);
            return;
        }
        if (!hasBody || request.isEnded()) {
            then.handle(context);
            return;
        }
        if (request.version() == io.vertx.core.http.HttpVersion.HTTP_2) {
            // RESTEasy cannot take an HTTP/2 request whose body was read ahead of it; scripts and hooks
            // post over HTTP/1.1, so an HTTP/2 body is refused rather than read on a worker.
            refuse(context, 505, "send request bodies over HTTP/1.1", false);
            return;
        }
        if (declaredLength(length) > maxBody) {
            refuse(context, 413, "request body too large", true);
            return;
        }
        // The body is in memory once read: resources read it from there ({@code RoutingContext.getBody()}), never
        // from the socket.
        BoundedBody.read(context, maxBody, deadlineMillis, then);
    }

    private static long declaredLength(String length) {
        if (length == null) {
            return -1;
        }
        try {
            return Long.parseLong(length.trim());
        } catch (NumberFormatException malformed) {
            return Long.MAX_VALUE;
        }
    }

    /** Answers without reading the body; a connection with unread body bytes cannot carry another request. */
    static void refuse(RoutingContext context, int status, String reason, boolean close) {
        HttpServerResponse response = context.response();
        if (response.ended()) {
            return;
        }
        if (close) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            response.endHandler(sent -> context.request().connection().close());
        }
        response.setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain;charset=UTF-8")
                .end(reason);
    }
}
