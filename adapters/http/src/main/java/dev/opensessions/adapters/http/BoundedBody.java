package dev.opensessions.adapters.http;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.RoutingContext;

import java.util.function.Consumer;

/**
 * Reads a request body into one buffer for a plain Vert.x route, up to a limit. A body over the limit is
 * answered 413 and its connection closed, as Quarkus answers a {@code Content-Length} over
 * {@code quarkus.http.limits.max-body-size}: a chunked body has no length to check before it streams in.
 */
final class BoundedBody implements Handler<Buffer> {

    private final RoutingContext context;
    private final long limit;
    private final Consumer<Buffer> then;
    private final Buffer body = Buffer.buffer();
    private boolean refused;

    private BoundedBody(RoutingContext context, long limit, Consumer<Buffer> then) {
        this.context = context;
        this.limit = limit;
        this.then = then;
    }

    /** Reads the body of the context's request, then passes it on, unless it went over the limit. */
    static void read(RoutingContext context, long limit, Consumer<Buffer> then) {
        HttpServerRequest request = context.request();
        if (request.isEnded()) {
            then.accept(Buffer.buffer());
            return;
        }
        // Clients that ask (curl does for large bodies) wait for this before they send; RESTEasy sent it too.
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            context.response().writeContinue();
        }
        BoundedBody reader = new BoundedBody(context, limit, then);
        request.handler(reader);
        request.endHandler(ended -> reader.end());
        // A client gone in the middle of its body is owed no answer.
        request.exceptionHandler(gone -> reader.refused = true);
    }

    @Override
    public void handle(Buffer chunk) {
        if (refused) {
            return;
        }
        if (body.length() + (long) chunk.length() > limit) {
            refused = true;
            tooLarge();
        } else {
            body.appendBuffer(chunk);
        }
    }

    private void end() {
        if (!refused) {
            then.accept(body);
        }
    }

    private void tooLarge() {
        HttpServerResponse response = context.response();
        response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE).setStatusCode(413);
        response.endHandler(sent -> context.request().connection().close());
        response.end();
    }
}
