package dev.opensessions.adapters.websocket;

import io.quarkus.websockets.next.UserData;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.impl.ConnectionBase;

/**
 * Drops one upgraded connection's TCP socket at once. Vert.x 4 has no public way to do that: on an upgraded
 * connection {@code HttpConnection.close()} only sends a WebSocket close frame, and its closing timeout starts once
 * that frame is written, which never happens when the peer has stopped reading with full socket buffers. So the
 * Netty channel is closed directly, through Vert.x's connection class; should a later Vert.x hand out another
 * class, the hang-up does nothing and such a connection is left to the close frame and the HTTP idle timeout.
 */
@FunctionalInterface
interface HangUp {

    /** Where the upgrade check leaves the connection's hang-up for the endpoint. */
    UserData.TypedKey<HangUp> KEY = new UserData.TypedKey<>("opensessions.hang-up");

    /** For a connection that cannot be hung up. */
    HangUp NONE = () -> false;

    /** Closes the TCP connection without a goodbye; false when it cannot (the connection is left as it is). */
    boolean now();

    /** The hang-up of the connection the upgrade request arrived on. */
    static HangUp of(HttpServerRequest request) {
        HttpConnection connection = request.connection();
        if (connection instanceof ConnectionBase base) {
            return () -> {
                base.channel().close();
                return true;
            };
        }
        return NONE;
    }
}
