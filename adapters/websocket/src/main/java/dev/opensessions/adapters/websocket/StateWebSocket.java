package dev.opensessions.adapters.websocket;

import dev.opensessions.application.port.in.WatchStateUseCase;
import dev.opensessions.application.state.Subscription;
import dev.opensessions.protocol.ServerMessage;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state stream for dashboards and scripts: {@code hello}, then the full state at once, then newer
 * states latest-wins at the 16 ms frame cadence; accepts the commands of {@link ClientCommands}.
 */
@WebSocket(path = "/ws")
public class StateWebSocket {

    private static final Logger LOG = Logger.getLogger(StateWebSocket.class);

    private final WatchStateUseCase watch;
    private final SnapshotJson json;
    private final ClientCommands commands;
    private final Map<String, Watcher> watchers = new ConcurrentHashMap<>();

    public StateWebSocket(WatchStateUseCase watch, SnapshotJson json, ClientCommands commands) {
        this.watch = watch;
        this.json = json;
        this.commands = commands;
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        SnapshotFeed feed = new SnapshotFeed(json::state, text -> send(connection, text));
        feed.open(json.write(ServerMessage.Hello.current()));
        // The watch hands over the current snapshot at once; the feed holds it until hello is written.
        Subscription subscription = watch.watch(feed::offer);
        watchers.put(connection.id(), new Watcher(feed, subscription));
        // A client that hung up while we subscribed may have had its close callback already.
        if (connection.isClosed()) {
            stop(connection);
        }
    }

    @OnTextMessage
    public void onCommand(String frame, WebSocketConnection connection) {
        commands.handle(frame).ifPresent(error -> connection.sendTextAndAwait(json.write(error)));
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        stop(connection);
    }

    @OnError
    public void onError(Throwable failure, WebSocketConnection connection) {
        stop(connection);
        // A client that hangs up without the closing handshake lands here too; that is not worth a warning.
        if (connection.isClosed()) {
            LOG.debugf("WebSocket subscriber %s went away: %s", connection.id(), failure);
            return;
        }
        LOG.warnf("WebSocket subscriber %s failed, closing it: %s", connection.id(), failure.toString());
        connection.close().subscribe().with(closed -> { }, ignored -> { });
    }

    private static CompletionStage<Void> send(WebSocketConnection connection, String text) {
        return connection.sendText(text).subscribeAsCompletionStage().whenComplete((sent, failure) -> {
            // The feed moves on after a failed write; on a connection still open that frame is lost and the
            // subscriber stays on an older state until the next change, so it must not pass silently.
            if (failure != null && !connection.isClosed()) {
                LOG.warnf("a frame to WebSocket subscriber %s was lost: %s", connection.id(), failure.toString());
            }
        });
    }

    private void stop(WebSocketConnection connection) {
        Watcher watcher = watchers.remove(connection.id());
        if (watcher != null) {
            watcher.stop();
        }
    }

    /** One connection's feed and its subscription to the state. */
    private record Watcher(SnapshotFeed feed, Subscription subscription) {

        void stop() {
            subscription.close();
            feed.close();
        }
    }
}
