package dev.opensessions.adapters.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.application.testkit.Await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

/** A real WebSocket client (java.net.http) that records every text frame as JSON, in arrival order. */
final class WsClient implements WebSocket.Listener, AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<JsonNode> frames = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private final CompletableFuture<Integer> closed = new CompletableFuture<>();
    private WebSocket socket;

    static WsClient connect(URI uri) {
        return connect(uri, Map.of());
    }

    static WsClient connect(URI uri, Map<String, String> headers) {
        WsClient client = new WsClient();
        client.socket = open(uri, headers, client).join();
        return client;
    }

    /** Starts every handshake before awaiting any, as a crowd of dashboards reconnecting at once does. */
    static List<WsClient> connectAll(URI uri, int count) {
        List<WsClient> clients = new ArrayList<>();
        List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            WsClient client = new WsClient();
            clients.add(client);
            opening.add(open(uri, Map.of(), client));
        }
        for (int i = 0; i < count; i++) {
            clients.get(i).socket = opening.get(i).join();
        }
        return clients;
    }

    static CompletableFuture<WebSocket> open(URI uri, Map<String, String> headers, WebSocket.Listener listener) {
        WebSocket.Builder builder = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        headers.forEach(builder::header);
        return builder.buildAsync(uri, listener);
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                frames.add(JSON.readTree(partial.toString()));
            } catch (Exception e) {
                throw new IllegalStateException("server sent invalid json: " + partial, e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
        closed.complete(statusCode);
        return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
        closed.completeExceptionally(error);
    }

    List<JsonNode> frames() {
        return List.copyOf(frames);
    }

    /** The first frame, in arrival order, matching the predicate; waits for it. */
    JsonNode await(String what, Predicate<JsonNode> matching) {
        Await.until(() -> frames.stream().anyMatch(matching), Await.DEFAULT, what);
        return frames.stream().filter(matching).findFirst().orElseThrow();
    }

    JsonNode frame(int index) {
        Await.until(() -> frames.size() > index, Await.DEFAULT, "frame " + index);
        return frames.get(index);
    }

    List<JsonNode> states() {
        return frames.stream().filter(f -> "state".equals(f.path("type").asText())).map(f -> f.get("state")).toList();
    }

    /** The newest state received, waiting for one with at least this version. */
    JsonNode awaitState(long version) {
        Await.until(() -> !states().isEmpty() && states().getLast().path("version").asLong() >= version,
                Await.DEFAULT, "state version " + version);
        return states().getLast();
    }

    void send(String text) {
        socket.sendText(text, true).join();
    }

    boolean closedByServer() {
        return closed.isDone();
    }

    /** Hangs up without the closing handshake, like a killed process. */
    void abort() {
        socket.abort();
    }

    @Override
    public void close() {
        if (!socket.isOutputClosed()) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
        socket.abort();
    }
}
