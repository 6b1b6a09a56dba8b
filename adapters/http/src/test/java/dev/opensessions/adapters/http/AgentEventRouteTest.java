package dev.opensessions.adapters.http;

import dev.opensessions.application.port.in.GetStateUseCase;
import dev.opensessions.application.testkit.FakeSessionSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.vertx.core.http.HttpMethod;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

/** What {@link AgentEventRoute} must answer itself, that RESTEasy used to give the endpoint for free. */
@QuarkusTest
class AgentEventRouteTest {

    /** {@code quarkus.http.limits.max-body-size=1M}. */
    private static final int LIMIT = 1024 * 1024;

    @Inject
    GetStateUseCase state;

    @Inject
    FakeSessionSource sessions;

    @Inject
    RouterProbe routes;

    private static String event(String status, String session) {
        return "{\"agent\":\"amp\",\"status\":\"" + status + "\",\"tmuxSession\":\"" + session + "\"}";
    }

    @Test
    void bothPathsHaveAPostRouteOfTheirOwn() {
        for (String path : AgentEventRoute.PATHS) {
            assertThat(routes.router().getRoutes()).as(path)
                    .anyMatch(route -> path.equals(route.getPath()) && route.methods().equals(Set.of(HttpMethod.POST)));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/agent-event", "/event"})
    void aChunkedBodyOverTheLimitIsTooLargeAndChangesNothing(String path) throws Exception {
        sessions.pushSessions("route-big", "/work/route-big");
        StateProbe probe = StateProbe.watch(state);

        assertThat(chunkedPost(path, padded(event("running", "route-big"), LIMIT + 1))).isEqualTo(413);
        probe.assertUnchanged();

        assertThat(chunkedPost(path, padded(event("running", "route-big"), LIMIT))).isEqualTo(204);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/agent-event", "/event"})
    void aBodyWhoseLengthIsOverTheLimitIsTooLarge(String path) {
        StateProbe probe = StateProbe.watch(state);

        given().contentType("application/json").body(padded(event("done", "route-big"), LIMIT + 1))
                .when().post(path).then().statusCode(413);

        probe.assertUnchanged();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/agent-event", "/event"})
    void anEmptyBodyIsInvalidJson(String path) {
        given().when().post(path).then().statusCode(400).body(equalTo("invalid json"));
        given().contentType("application/json").body(new byte[0]).when().post(path).then()
                .statusCode(400).body(equalTo("invalid json"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "null       | invalid payload",
        "`\"done\"` | invalid payload",
        "42         | invalid payload",
        "{} {}      | invalid json",
        "{}         | missing agent",
    })
    void aBodyThatIsNotOneEventObjectIsRefused(String json, String reason) {
        StateProbe probe = StateProbe.watch(state);

        for (String path : AgentEventRoute.PATHS) {
            given().contentType("application/json").body(json).when().post(path).then()
                    .statusCode(400).body(equalTo(reason));
        }

        probe.assertUnchanged();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/agent-event", "/event"})
    void otherMethodsAreNotAllowed(String path) {
        for (String method : List.of("GET", "PUT", "DELETE", "PATCH")) {
            given().contentType("application/json").body(event("done", "route-method")).when().request(method, path)
                    .then().statusCode(405).body(emptyString());
        }
        given().when().options(path).then().statusCode(200).header("Allow", containsString("POST"));
    }

    @Test
    void otherSpellingsOfThePathsAnswerAlike() {
        sessions.pushSessions("route-spelling", "/work/route-spelling");

        for (String path : List.of("/api/agent-event/", "/api/agent-event?source=hook", "/event/")) {
            given().contentType("application/json").body(event("waiting", "route-spelling")).when().post(path)
                    .then().statusCode(204);
        }
        given().contentType("text/plain").body(event("done", "route-spelling")).when().post("/event").then()
                .statusCode(415).body(equalTo("expected application/json"));
    }

    @Test
    void eventsShareOneKeptAliveConnectionAndAnswerTheExactBytes() throws Exception {
        sessions.pushSessions("route-alive", "/work/route-alive");
        int port = RestAssured.port;

        try (RawHttp http = new RawHttp(port)) {
            for (String status : List.of("running", "waiting", "done")) {
                String body = event(status, "route-alive");
                http.send(RawHttp.jsonHead("/api/agent-event", port, body.length(), "") + body);
                assertThat(http.answer()).isEqualTo("HTTP/1.1 204 No Content\r\n\r\n");
            }
            String ghost = event("done", "route-ghost");
            http.send(RawHttp.jsonHead("/event", port, ghost.length(), "") + ghost);
            assertThat(http.answer()).isEqualTo("HTTP/1.1 202 Accepted\r\ncontent-length: 0\r\n\r\n");
            http.send(RawHttp.jsonHead("/api/agent-event", port, 2, "") + "[]");
            assertThat(http.answer()).startsWith("HTTP/1.1 400 Bad Request\r\n")
                    .contains("Content-Type: text/plain;charset=UTF-8\r\n", "content-length: 15\r\n")
                    .endsWith("\r\n\r\ninvalid payload");
        }

        given().when().get("/api/state").then()
                .body(AgentEventResourceTest.agentOf("route-alive") + ".status", equalTo("done"));
    }

    @Test
    void aClientThatExpectsContinueGetsItBeforeItSendsTheBody() throws Exception {
        sessions.pushSessions("route-continue", "/work/route-continue");
        int port = RestAssured.port;
        String body = event("running", "route-continue");

        try (RawHttp http = new RawHttp(port)) {
            http.send(RawHttp.jsonHead("/api/agent-event", port, body.length(), "Expect: 100-continue\r\n"));
            assertThat(http.head()).startsWith("HTTP/1.1 100 Continue\r\n");
            http.send(body);
            assertThat(http.answer()).startsWith("HTTP/1.1 204 ");
        }
    }

    /** The JSON followed by spaces up to exactly {@code size} bytes: still one valid JSON object. */
    private static byte[] padded(String json, int size) {
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) ' ');
        byte[] head = json.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(head, 0, body, 0, head.length);
        return body;
    }

    /** Posts without a Content-Length (chunked), so only the route itself can hold the body to the limit. */
    private static int chunkedPost(String path, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }
    }
}
