package dev.opensessions.adapters.websocket;

import dev.opensessions.protocol.ServerMessage;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OpenConnections;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/** Tells every WebSocket subscriber the server is going away ({@code quit}), then closes its connection. */
@ApplicationScoped
public class QuitOnShutdown {

    /** Shutdown must not hang on a client that stopped reading. */
    private static final Logger LOG = Logger.getLogger(QuitOnShutdown.class);
    static final Duration GRACE = Duration.ofSeconds(2);
    private static final CloseReason GOING_AWAY = new CloseReason(1001, "server shutting down");

    private final OpenConnections connections;
    private final SnapshotJson json;

    public QuitOnShutdown(OpenConnections connections, SnapshotJson json) {
        this.connections = connections;
        this.json = json;
    }

    void onShutdown(@Observes ShutdownEvent event) {
        quitAll();
    }

    /** Sends {@code quit} to every open connection and closes it, waiting at most {@link #GRACE}. */
    public void quitAll() {
        String quit = json.write(new ServerMessage.Quit());
        List<Uni<Void>> farewells = connections.stream().map(c -> farewell(c, quit)).toList();
        if (farewells.isEmpty()) {
            return;
        }
        try {
            Uni.join().all(farewells).andCollectFailures().await().atMost(GRACE);
        } catch (RuntimeException slow) {
            LOG.warnf("not every WebSocket subscriber was told to quit: %s", slow.getMessage());
        }
    }

    private static Uni<Void> farewell(WebSocketConnection connection, String quit) {
        return connection.sendText(quit)
                .onFailure().recoverWithNull()
                .chain(() -> connection.close(GOING_AWAY));
    }
}
