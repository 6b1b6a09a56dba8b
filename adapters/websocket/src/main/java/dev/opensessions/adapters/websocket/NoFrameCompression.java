package dev.opensessions.adapters.websocket;

import io.quarkus.vertx.http.HttpServerOptionsCustomizer;
import io.vertx.core.http.HttpServerOptions;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Offers WebSocket clients no per-frame compression (Vert.x offers it unless told not to; Quarkus has no property for
 * it). With per-message compression off too ({@code quarkus.websockets-next.server.per-message-compression-supported}
 * in the server's application.properties), Vert.x puts no WebSocket extension handler in the pipeline of an HTTP
 * connection, so no agent event's request and answer passes through one. Every client is on loopback, where
 * compressing frames costs CPU and saves nothing (docs/explanation/performance.md, "Contained cuts").
 */
@ApplicationScoped
public class NoFrameCompression implements HttpServerOptionsCustomizer {

    @Override
    public void customizeHttpServer(HttpServerOptions options) {
        options.setPerFrameWebSocketCompressionSupported(false);
        options.setPerMessageWebSocketCompressionSupported(false);
    }
}
