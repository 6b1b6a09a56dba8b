package dev.opensessions.adapters.http;

import io.vertx.core.VertxException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Answers a request that Vert.x refuses before any route sees it (a missing or malformed {@code Host} header
 * is the one a client can send at will) with a short plain-text {@code 400}, and logs it at most once a
 * minute with a count of the others. Without it Quarkus's error handler logs each one at ERROR with an error
 * id and answers with JSON. Failures of the server itself (5xx) still go to that handler.
 */
@ApplicationScoped
public class BadRequestAnswer {

    /** At most one log line per this interval for refused bad requests. */
    static final Duration LOG_INTERVAL = Duration.ofMinutes(1);

    private static final Logger LOG = Logger.getLogger(BadRequestAnswer.class);

    private final RateLimitedLog log = new RateLimitedLog(LOG_INTERVAL, System::nanoTime, LOG::warn);

    void register(@Observes Router router) {
        // Ahead of every other failure handler, Quarkus's own included.
        router.route().order(Integer.MIN_VALUE).failureHandler(this::answer);
    }

    void answer(RoutingContext context) {
        int status = context.statusCode();
        if (status < 400 || status > 499) {
            context.next();
            return;
        }
        String reason = reason(context.failure());
        log.log("refused a bad request from " + context.request().remoteAddress() + ": " + status + " " + reason);
        if (!context.response().ended() && !context.response().headWritten()) {
            context.response()
                    .setStatusCode(status)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "text/plain;charset=UTF-8")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(reason);
        }
    }

    /** What went wrong, in words that name no internals; never anything the client sent. */
    static String reason(Throwable failure) {
        if (failure instanceof VertxException && failure.getMessage() != null
                && failure.getMessage().contains("'Host' header")) {
            return "missing or malformed Host header";
        }
        return "bad request";
    }
}
