package dev.opensessions.adapters.http;

import io.vertx.core.Context;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads one request body into memory on the event loop, up to a size limit and under a total deadline, then puts it
 * in the context ({@code RoutingContext.getBody()}) and hands the context on. A body over the limit is answered
 * {@code 413}, one not finished in time {@code 408}; both close the connection, since the rest of the body would
 * otherwise be read as the next request.
 */
final class BoundedBody implements Handler<Buffer> {

    /**
     * Per event-loop thread: the readers started in the loop's current turn, whose deadline is set once the turn has
     * read what it could. Most bodies arrive with their request and are read by then: their timer is never set, and
     * one task per turn (not one per request) looks at them.
     */
    private static final ThreadLocal<List<BoundedBody>> STARTED = ThreadLocal.withInitial(ArrayList::new);

    private final RoutingContext context;
    private final long limit;
    private final long deadlineMillis;
    private final Handler<RoutingContext> then;
    /** The first chunk as Vert.x handed it (its own copy of the bytes); a buffer of its own once a second one comes. */
    private Buffer body;
    private boolean appendable;
    private long timer = -1;
    private boolean finished;

    private BoundedBody(RoutingContext context, long limit, long deadlineMillis, Handler<RoutingContext> then) {
        this.context = context;
        this.limit = limit;
        this.deadlineMillis = deadlineMillis;
        this.then = then;
    }

    /** Reads the body of the context's request, then hands the context to {@code then}, unless it was refused. */
    static void read(RoutingContext context, long limit, long deadlineMillis, Handler<RoutingContext> then) {
        HttpServerRequest request = context.request();
        // Clients that ask (curl does for large bodies) wait for this before they send.
        if ("100-continue".equalsIgnoreCase(request.getHeader(HttpHeaders.EXPECT))) {
            context.response().writeContinue();
        }
        BoundedBody reader = new BoundedBody(context, limit, deadlineMillis, then);
        request.handler(reader);
        request.endHandler(ended -> reader.end());
        // A client gone in the middle of its body is owed no answer.
        request.exceptionHandler(gone -> reader.finish());
        if (!Context.isOnEventLoopThread()) {
            Vertx.currentContext().runOnContext(turned -> reader.arm());
            return;
        }
        List<BoundedBody> started = STARTED.get();
        started.add(reader);
        if (started.size() == 1) {
            Vertx.currentContext().runOnContext(BoundedBody::armStarted);
        }
    }

    /** At the end of the loop's turn: a deadline for each body of the turn that is not read yet. */
    private static void armStarted(Void turned) {
        List<BoundedBody> started = STARTED.get();
        try {
            // Arming reads no request: nothing joins the list meanwhile.
            for (int i = 0; i < started.size(); i++) {
                started.get(i).arm();
            }
        } finally {
            started.clear();
        }
    }

    private void arm() {
        if (!finished) {
            timer = context.vertx().setTimer(deadlineMillis, fired -> expire());
        }
    }

    @Override
    public void handle(Buffer chunk) {
        if (finished) {
            return;
        }
        long length = body == null ? 0 : body.length();
        if (length + chunk.length() > limit) {
            finish();
            RequestGate.refuse(context, 413, "request body too large", true);
        } else if (body == null) {
            body = chunk;
        } else {
            if (!appendable) {
                body = Buffer.buffer((int) Math.min(limit, 2L * (length + chunk.length()))).appendBuffer(body);
                appendable = true;
            }
            body.appendBuffer(chunk);
        }
    }

    private void end() {
        if (!finished) {
            finish();
            context.setBody(body == null ? Buffer.buffer() : body);
            then.handle(context);
        }
    }

    private void expire() {
        timer = -1;
        if (!finished) {
            finish();
            RequestGate.refuse(context, 408, "request body too slow", true);
        }
    }

    private void finish() {
        finished = true;
        if (timer >= 0) {
            context.vertx().cancelTimer(timer);
            timer = -1;
        }
    }
}
