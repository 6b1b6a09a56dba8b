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
import java.util.Map;

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
        return connect(Map.of("Authorization", "Bearer " + TestServices.TOKEN.value()));
    }

    private WsClient connect(Map<String, String> headers) {
        WsClient client = WsClient.connect(URI.create(http.toString().replaceFirst("^http", "ws")), headers);
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
                "{\"type\":\"reorder-session\",\"name\":\"cmd-a\",\"delta\":2147483647}",
                "{\"type\":\"reorder-session\",\"name\":\"cmd-a\",\"delta\":1.5}",
                "{\"type\":\"reorder-session\",\"name\":\"cmd-a\",\"delta\":\"1\"}",
                "{\"type\":\"hide-session\",\"name\":5}",
                "{\"type\":\"hide-session\",\"name\":\"bad\u0085name\"}",
                "{\"type\":\"hide-session\",\"name\":\"bad\\ud800name\"}");
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
                    "delta out of range",
                    "invalid fields for reorder-session",
                    "invalid fields for reorder-session",
                    "invalid fields for hide-session",
                    "invalid session: session name contains a control character",
                    "invalid session: session name contains a lone surrogate");
            assertThat(state.current().version()).isEqualTo(before);
            assertThat(client.frames().size() - framesBefore).isEqualTo(invalid.size());
        }
    }

    @Test
    void aConnectionWithoutTheTokenCanWatchButNotCommand() {
        try (WsClient client = connect(Map.of())) {
            long before = state.current().version();
            client.send("{\"type\":\"hide-session\",\"name\":\"cmd-b\"}");
            client.send("{\"type\":\"reorder-session\",\"name\":\"cmd-c\",\"delta\":-1}");
            Await.until(() -> errors(client).size() == 2, Await.DEFAULT, "two refusals");

            assertThat(errors(client)).allMatch(message -> message.startsWith("unauthorized"));
            assertThat(state.current().version()).isEqualTo(before);
        }
        try (WsClient client = connect(Map.of("Authorization", "Bearer " + "0".repeat(64)))) {
            client.send("{\"type\":\"show-all-sessions\"}");
            Await.until(() -> errors(client).size() == 1, Await.DEFAULT, "one refusal");
            assertThat(errors(client)).allMatch(message -> message.startsWith("unauthorized"));
        }
    }

    @Test
    void aCommandCarryingTheTokenRunsOnAConnectionWithoutIt() {
        try (WsClient client = connect(Map.of())) {
            client.send("{\"type\":\"hide-session\",\"name\":\"cmd-b\",\"token\":\"" + "0".repeat(64) + "\"}");
            client.send("{\"type\":\"hide-session\",\"name\":\"cmd-b\",\"token\":42}");
            Await.until(() -> errors(client).size() == 2, Await.DEFAULT, "two refusals");
            assertThat(errors(client)).allMatch(message -> message.startsWith("unauthorized"));
            long before = state.current().version();

            client.send("{\"type\":\"hide-session\",\"name\":\"cmd-b\",\"token\":\""
                    + TestServices.TOKEN.value() + "\"}");
            client.await("hidden by a command that carried the token",
                    f -> f.path("state").path("hidden").toString().contains("cmd-b"));
            assertThat(state.current().version()).isGreaterThan(before);
            assertThat(errors(client)).hasSize(2);
        }
    }

    @Test
    void aFloodOfCommandsIsRateLimited() {
        try (WsClient client = connect()) {
            // Far more than the bucket refills in the seconds a loaded machine needs to send them.
            int sent = 400;
            for (int i = 0; i < sent; i++) {
                client.send("{\"type\":\"reorder-session\",\"name\":\"nope\",\"delta\":1}");
            }
            Await.until(() -> errors(client).size() == sent, Await.DEFAULT, "one answer each");

            assertThat(errors(client)).filteredOn(message -> message.startsWith("rate limited")).isNotEmpty();
            assertThat(errors(client)).filteredOn(message -> message.startsWith("unknown session"))
                    .hasSizeLessThan(sent);
        }
    }

    private static List<String> errors(WsClient client) {
        return client.frames().stream()
                .filter(f -> "error".equals(f.path("type").asText()))
                .map(f -> f.path("message").asText())
                .toList();
    }
}
