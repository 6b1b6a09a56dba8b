package dev.opensessions.adapters.http;

import dev.opensessions.application.port.in.GetStateUseCase;
import dev.opensessions.application.testkit.FakeSessionSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The one way a body comes in ({@link RequestGate}): read on the event loop, under the size limit and a
 * total deadline (5 s in tests), on every path; the token before any body on the control paths; and the
 * acknowledgement of a write only once it is stored.
 */
@QuarkusTest
class RequestGateTest {

    /** {@code quarkus.http.limits.max-body-size=1M}. */
    private static final int LIMIT = 1024 * 1024;

    @Inject
    GetStateUseCase state;
    @Inject
    FakeSessionSource sessions;
    @Inject
    FakeCommitWrites commits;

    @AfterEach
    void diskHasSpace() {
        commits.full(false);
    }

    private static String event(String status, String session) {
        return "{\"agent\":\"amp\",\"status\":\"" + status + "\",\"tmuxSession\":\"" + session + "\"}";
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/agent-event", "/set-status", "/no-such-path"})
    void aChunkedBodyOverTheLimitIsTooLargeAndChangesNothing(String path) throws Exception {
        sessions.pushSessions("gate-big", "/work/gate-big");
        StateProbe probe = StateProbe.watch(state);

        assertThat(chunkedPost(path, padded(event("running", "gate-big"), LIMIT + 1))).isEqualTo(413);
        probe.assertUnchanged();
    }

    @Test
    void aChunkedBodyUpToTheLimitIsRead() throws Exception {
        sessions.pushSessions("gate-fits", "/work/gate-fits");
        assertThat(chunkedPost("/api/agent-event", padded(event("running", "gate-fits"), LIMIT))).isEqualTo(204);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/no-such-path", "/api/agent-event"})
    void aHugeDeclaredBodyIsRefusedWithoutReadingIt(String path) throws Exception {
        int port = RestAssured.port;
        try (RawHttp http = new RawHttp(port)) {
            http.send(RawHttp.jsonHead(path, port, 100 * 1024 * 1024, ""));
            assertThat(http.head()).startsWith("HTTP/1.1 413 ");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/set-status", "/api/agent-event"})
    void aBodyThatDoesNotArriveInTimeIsAnswered408WhileTheApiKeepsAnswering(String path) throws Exception {
        int port = RestAssured.port;
        List<RawHttp> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                RawHttp http = new RawHttp(port);
                slow.add(http);
                http.send(RawHttp.jsonHead(path, port, 100_000, "") + "{");
            }
            given().when().get("/version").then().statusCode(200);
            for (RawHttp http : slow) {
                assertThat(http.answer()).startsWith("HTTP/1.1 408 ").endsWith("request body too slow");
            }
        } finally {
            for (RawHttp http : slow) {
                http.close();
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/quit", "/toggle", "/focus", "/ensure-sidebar", "/switch-index", "/refresh",
            "/set-sidebar-width"})
    void aControlPathWithoutTheTokenIsRefusedBeforeItsBodyIsRead(String path) throws Exception {
        int port = RestAssured.port;
        try (RawHttp http = new RawHttp(port)) {
            // The head promises a body that never comes: only a refusal made before reading can answer.
            http.send("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nContent-Length: 5000\r\n\r\n");
            String answer = http.answer();
            assertThat(answer).startsWith("HTTP/1.1 401 ").endsWith("unauthorized");
        }
    }

    @Test
    void aWriteIsRefusedWith507AndChangesNothingWhileTheDiskIsFull() {
        sessions.pushSessions("gate-full", "/work/gate-full");
        commits.full(true);
        StateProbe probe = StateProbe.watch(state);

        given().contentType("application/json").body("{\"session\":\"gate-full\",\"text\":\"lost?\"}")
                .when().post("/set-status").then().statusCode(507).body(equalTo("disk full: not stored"));
        given().contentType("application/json").body(event("running", "gate-full"))
                .when().post("/api/agent-event").then().statusCode(507);

        probe.assertUnchanged();
        commits.full(false);
        given().contentType("application/json").body("{\"session\":\"gate-full\",\"text\":\"kept\"}")
                .when().post("/set-status").then().statusCode(204);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"session\":\"gate-\\ud800\",\"text\":\"x\"}",
            "{\"session\":\"gate-\u0085\",\"text\":\"x\"}",
            "{\"session\":\"gate-ok\",\"text\":\"lone \\udc00 low\"}"})
    void loneSurrogatesAndC1ControlsAreRefused(String body) {
        StateProbe probe = StateProbe.watch(state);
        given().contentType("application/json").body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/set-status").then().statusCode(400);
        probe.assertUnchanged();
    }

    @Test
    void overlongUtf8IsRefused() {
        StateProbe probe = StateProbe.watch(state);
        byte[] head = "{\"session\":\"gate-ok\",\"text\":\"".getBytes(StandardCharsets.UTF_8);
        byte[] overlongSlash = {(byte) 0xC0, (byte) 0xAF};
        byte[] tail = "\"}".getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(overlongSlash, 0, body, head.length, 2);
        System.arraycopy(tail, 0, body, head.length + 2, tail.length);

        given().contentType("application/json").body(body).when().post("/set-status").then().statusCode(400)
                .body(equalTo("invalid json"));
        probe.assertUnchanged();
    }

    @Test
    void eventsShareOneKeptAliveConnection() throws Exception {
        sessions.pushSessions("gate-alive", "/work/gate-alive");
        int port = RestAssured.port;

        try (RawHttp http = new RawHttp(port)) {
            for (String status : List.of("running", "waiting", "done")) {
                String body = event(status, "gate-alive");
                http.send(RawHttp.jsonHead("/api/agent-event", port, body.length(), "") + body);
                assertThat(http.answer()).startsWith("HTTP/1.1 204 No Content\r\n");
            }
            String ghost = event("done", "gate-ghost");
            http.send(RawHttp.jsonHead("/event", port, ghost.length(), "") + ghost);
            assertThat(http.answer()).startsWith("HTTP/1.1 202 Accepted\r\n");
            http.send(RawHttp.jsonHead("/api/agent-event", port, 2, "") + "[]");
            assertThat(http.answer()).startsWith("HTTP/1.1 400 Bad Request\r\n").endsWith("\r\n\r\ninvalid payload");
        }

        given().when().get("/api/state").then()
                .body(AgentEventRouteTest.agentOf("gate-alive") + ".status", equalTo("done"));
    }

    @Test
    void aClientThatExpectsContinueGetsItBeforeItSendsTheBody() throws IOException {
        sessions.pushSessions("gate-continue", "/work/gate-continue");
        int port = RestAssured.port;
        String body = event("running", "gate-continue");

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

    /** Posts without a Content-Length (chunked), so only the gate itself can hold the body to the limit. */
    private static int chunkedPost(String path, byte[] body) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))).build();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException closedWhileSending) {
            // The server may close the connection as soon as the limit is passed, before the client is done.
            return 413;
        }
    }
}
