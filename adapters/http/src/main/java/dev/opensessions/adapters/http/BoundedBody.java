package dev.opensessions.adapters.http;

import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.util.function.Consumer;

/**
 * Reads one request body into memory on the event loop, up to a size limit and under a total deadline.
 * A body over the limit is answered {@code 413}, one not finished in time {@code 408}; both close the
 * connection, since the rest of the body would otherwise be read as the next request.
 */
final class BoundedBody implements Handler<Buffer> {

    private final RoutingContext context;
    private final long limit;
    private final Consumer<Buffer> then;
    private final Buffer body = Buffer.buffer();
    private long timer = -1;
    private boolean finished;

    private BoundedBody(RoutingContext context, long limit, Consumer<Buffer> then) {
        this.context = context;
        this.limit = limit;
        this.then = then;
    }

    /** Reads the body of the context's request, then passes it on, unless it was refused. */
    static void read(RoutingContext context, long limit, long deadlineMillis, Consumer<Buffer> then) {
        HttpServerRequest request = context.request();
        // Clients that ask (curl does for large bodies) wait for this before they send.
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            context.response().writeContinue();
        }
        BoundedBody reader = new BoundedBody(context, limit, then);
        request.handler(reader);
        request.endHandler(ended -> reader.end());
        // A client gone in the middle of its body is owed no answer.
        request.exceptionHandler(gone -> reader.finish());
        // Most bodies arrive with their request, and are read before the event loop turns to its next task: the
        // deadline's timer is set only for a body still unfinished then, not set and cancelled for every request
        // (each a scheduled task on the loop and an entry in Vert.x's table of timers).
        Vertx.currentContext().runOnContext(turned -> reader.arm(deadlineMillis));
    }

    private void arm(long deadlineMillis) {
        if (!finished) {
            timer = context.vertx().setTimer(deadlineMillis, fired -> expire());
        }
    }

    @Override
    public void handle(Buffer chunk) {
        if (finished) {
            return;
        }
        if (body.length() + (long) chunk.length() > limit) {
            finish();
            RequestGate.refuse(context, 413, "request body too large", true);
        } else {
            body.appendBuffer(chunk);
        }
    }

    private void end() {
        if (!finished) {
            finish();
            then.accept(body);
        }
    }

    private void expire() {
        timer = -1;
        if (!finished) {
            finish();
            RequestGate.refuse(context, 408, "request body too slow", true);
        }
    }

    private boolean finish() {
        boolean first = !finished;
        finished = true;
        if (timer >= 0) {
            context.vertx().cancelTimer(timer);
            timer = -1;
        }
        return first;
    }
}
