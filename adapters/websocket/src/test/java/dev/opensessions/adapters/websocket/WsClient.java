package dev.opensessions.adapters.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.application.testkit.Await;
import dev.opensessions.testkit.RawWebSocket;
import dev.opensessions.testkit.WebSocketInbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A real WebSocket client (the test kit's {@link RawWebSocket}, not {@code java.net.http}, which now and then loses
 * the bytes that arrive with the upgrade answer) that records every text frame as JSON, in arrival order.
 */
final class WsClient implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Generous: a crowd of handshakes on a loaded two-core machine. */
    private static final Duration HANDSHAKE = Duration.ofSeconds(30);

    private final RawWebSocket socket;
    private final WebSocketInbox<JsonNode> inbox;

    private WsClient(RawWebSocket socket) {
        this.socket = socket;
        this.inbox = WebSocketInbox.start(socket, WsClient::json);
    }

    static WsClient connect(URI uri) {
        return connect(uri, Map.of());
    }

    static WsClient connect(URI uri, Map<String, String> headers) {
        try {
            return new WsClient(RawWebSocket.connect(uri, headers, HANDSHAKE));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** Sends every upgrade request before awaiting any answer, as a crowd of dashboards reconnecting at once does. */
    static List<WsClient> connectAll(URI uri, int count) {
        List<RawWebSocket> asked = new ArrayList<>();
        try {
            for (int i = 0; i < count; i++) {
                asked.add(RawWebSocket.request(uri, Map.of(), HANDSHAKE));
            }
            List<WsClient> clients = new ArrayList<>();
            for (RawWebSocket socket : asked) {
                socket.awaitUpgrade(HANDSHAKE);
                clients.add(new WsClient(socket));
            }
            return clients;
        } catch (IOException failed) {
            asked.forEach(RawWebSocket::abort);
            throw new UncheckedIOException(failed);
        }
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException invalid) {
            throw new IllegalStateException("server sent invalid json: " + text, invalid);
        }
    }

    List<JsonNode> frames() {
        return inbox.messages();
    }

    /** The first frame, in arrival order, matching the predicate; waits for it. */
    JsonNode await(String what, Predicate<JsonNode> matching) {
        Await.until(() -> frames().stream().anyMatch(matching), Await.DEFAULT, what);
        return frames().stream().filter(matching).findFirst().orElseThrow();
    }

    JsonNode frame(int index) {
        Await.until(() -> frames().size() > index, Await.DEFAULT, "frame " + index);
        return frames().get(index);
    }

    List<JsonNode> states() {
        return frames().stream().filter(f -> "state".equals(f.path("type").asText())).map(f -> f.get("state")).toList();
    }

    /** The newest state received, waiting for one with at least this version. */
    JsonNode awaitState(long version) {
        Await.until(() -> !states().isEmpty() && states().getLast().path("version").asLong() >= version,
                Await.DEFAULT, "state version " + version);
        return states().getLast();
    }

    void send(String text) {
        try {
            socket.sendText(text);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    /** Whether the server ended the connection: its close frame, or it hung up. */
    boolean closedByServer() {
        return inbox.ended();
    }

    /** The server's close frame, once it came. */
    java.util.Optional<RawWebSocket.Message.Close> closeFrame() {
        return inbox.close();
    }

    /** Hangs up without the closing handshake, like a killed process. */
    void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        socket.close();
    }
}
