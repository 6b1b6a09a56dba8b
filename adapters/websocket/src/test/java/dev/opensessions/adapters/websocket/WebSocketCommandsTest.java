package dev.opensessions.adapters.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opensessions.application.port.in.GetStateUseCase;
import dev.opensessions.application.port.in.ShowAllSessionsUseCase;
import dev.opensessions.application.testkit.Await;
import dev.opensessions.application.testkit.FakeSessionSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class WebSocketCommandsTest {

    @TestHTTPResource("/ws")
    URI http;
    @Inject
    FakeSessionSource mux;
    @Inject
    GetStateUseCase state;
    @Inject
    ShowAllSessionsUseCase showAll;

    @BeforeEach
    void threeSessions() {
        showAll.showAll();
        mux.pushSessions("cmd-a", "/tmp/a", "cmd-b", "/tmp/b", "cmd-c", "/tmp/c");
    }

    private WsClient connect() {
        WsClient client = WsClient.connect(URI.create(http.toString().replaceFirst("^http", "ws")));
        client.awaitState(state.current().version());
        return client;
    }

    private static List<String> names(JsonNode state) {
        return state.path("sessions").findValuesAsText("name");
    }

    @Test
    void reorderMovesTheSession() {
        try (WsClient client = connect()) {
            client.send("{\"type\":\"reorder-session\",\"name\":\"cmd-c\",\"delta\":-1}");
            client.await("reordered", f -> names(f.path("state")).equals(List.of("cmd-a", "cmd-c", "cmd-b")));
        }
    }

    @Test
    void hideThenShowAll() {
        try (WsClient client = connect()) {
            client.send("{\"type\":\"hide-session\",\"name\":\"cmd-b\"}");
            JsonNode hidden = client.await("hidden", f -> f.path("state").path("hidden").toString().contains("cmd-b"));
            long hiddenAt = hidden.path("state").path("version").asLong();
            client.send("{\"type\":\"show-all-sessions\"}");
            client.await("shown again", f -> f.path("state").path("version").asLong() > hiddenAt
                    && f.path("state").path("hidden").isEmpty());
        }
    }

    @Test
    void invalidCommandsAreAnsweredWithErrorsAndChangeNothing() {
        List<String> invalid = List.of(
                "not json",
                "[1,2]",
                "{\"name\":\"cmd-a\"}",
                "{\"type\":\"kill-server\"}",
                "{\"type\":\"hide-session\"}",
                "{\"type\":\"hide-session\",\"name\":\"\"}",
                "{\"type\":\"hide-session\",\"name\":\"bad\\u0001name\"}",
                "{\"type\":\"reorder-session\",\"name\":\"cmd-a\"}",
                "{\"type\":\"reorder-session\",\"name\":\"nope\",\"delta\":1}",
                "{\"type\":\"reorder-session\",\"name\":\"cmd-a\",\"delta\":\"up\"}",
                "{\"type\":\"reorder-session\",\"name\":\"cmd-a\",\"delta\":2147483647}");
        try (WsClient client = connect()) {
            long before = state.current().version();
            int framesBefore = client.frames().size();
            invalid.forEach(client::send);
            Await.until(() -> errors(client).size() == invalid.size(), Await.DEFAULT, "one error per command");

            assertThat(errors(client)).containsExactly(
                    "invalid json",
                    "expected a json object",
                    "missing type",
                    "unknown type: kill-server",
                    "missing name",
                    "invalid session: session name is empty",
                    "invalid session: session name contains a control character",
                    "missing delta",
                    "unknown session: nope",
                    "invalid fields for reorder-session",
                    "delta out of range");
            assertThat(state.current().version()).isEqualTo(before);
            assertThat(client.frames().size() - framesBefore).isEqualTo(invalid.size());
        }
    }

    private static List<String> errors(WsClient client) {
        return client.frames().stream()
                .filter(f -> "error".equals(f.path("type").asText()))
                .map(f -> f.path("message").asText())
                .toList();
    }
}
