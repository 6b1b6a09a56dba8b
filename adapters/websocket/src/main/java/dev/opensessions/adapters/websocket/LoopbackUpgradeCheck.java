package dev.opensessions.adapters.websocket;

import dev.opensessions.application.security.LoopbackPolicy;
import io.quarkus.websockets.next.HttpUpgradeCheck;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Refuses a WebSocket upgrade with 403 before it happens when a browser could have forged it
 * (docs/explanation/architecture.md#security): a foreign {@code Origin}, or a {@code Host} that is not loopback with
 * our port (DNS rebinding). An upgrade it lets through carries its connection's {@link HangUp}.
 */
@ApplicationScoped
public class LoopbackUpgradeCheck implements HttpUpgradeCheck {

    static final int FORBIDDEN = 403;

    @Override
    public Uni<CheckResult> perform(HttpUpgradeContext context) {
        HttpServerRequest request = context.httpRequest();
        // The port the request arrived on, so the check holds for whatever port the server was given.
        int port = request.localAddress().port();
        boolean allowed = LoopbackPolicy.allowsHost(request.getHeader(HttpHeaders.HOST), port)
                && LoopbackPolicy.allowsOrigin(request.getHeader(HttpHeaders.ORIGIN), port);
        if (!allowed) {
            return CheckResult.rejectUpgrade(FORBIDDEN);
        }
        // The endpoint drops the socket of a subscriber whose frames stall (StateWebSocket).
        context.userData().put(HangUp.KEY, HangUp.of(request));
        return CheckResult.permitUpgrade();
    }
}
