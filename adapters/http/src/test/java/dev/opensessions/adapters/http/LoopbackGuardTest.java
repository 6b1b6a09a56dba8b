package dev.opensessions.adapters.http;

import dev.opensessions.application.port.in.GetStateUseCase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class LoopbackGuardTest {

    private static final String STATUS = "{\"session\":\"guard\",\"text\":\"pwned\"}";
    private static final String EVENT = "{\"agent\":\"amp\",\"status\":\"running\",\"tmuxSession\":\"guard\"}";

    @Inject
    GetStateUseCase state;

    private static int port() {
        return RestAssured.port;
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example:%d", "127.0.0.1:1", "localhost", "127.0.0.2:%d", "localhost.evil.example:%d"})
    void rebindingHostIsForbiddenOnEveryRoute(String hostPattern) {
        String host = hostPattern.formatted(port());
        StateProbe probe = StateProbe.watch(state);

        given().header("Host", host).contentType("application/json").body(STATUS).when().post("/set-status").then()
                .statusCode(403).body(equalTo("forbidden host"));
        given().header("Host", host).when().get("/api/state").then().statusCode(403).body(equalTo("forbidden host"));
        given().header("Host", host).when().get("/").then().statusCode(403).body(equalTo("forbidden host"));
        given().header("Host", host).when().get("/no/such/route").then().statusCode(403);
        // The agent-event route runs ahead of the filters and applies their rules itself.
        given().header("Host", host).contentType("application/json").body(EVENT).when().post("/api/agent-event")
                .then().statusCode(403).body(equalTo("forbidden host"));
        given().header("Host", host).contentType("application/json").body(EVENT).when().post("/event")
                .then().statusCode(403).body(equalTo("forbidden host"));

        probe.assertUnchanged();
    }

    @Test
    void anEmptyHostIsForbiddenLikeAnyForeignOneButAMissingOneOnHttp10IsAllowed() throws Exception {
        StateProbe probe = StateProbe.watch(state);

        for (String host : new String[] {"Host: \r\n", "Host:    \r\n"}) {
            for (String version : new String[] {"HTTP/1.1", "HTTP/1.0"}) {
                assertThat(raw("GET /api/state " + version + "\r\n" + host)).as(version + " " + host)
                        .matches("HTTP/1\\.[01] 403 (?s).*").endsWith("\r\n\r\nforbidden host");
            }
            assertThat(raw("POST /set-status HTTP/1.1\r\n" + host + "Content-Type: application/json\r\n"
                    + "Content-Length: " + STATUS.length() + "\r\n\r\n" + STATUS)).startsWith("HTTP/1.1 403 ");
        }
        assertThat(raw("GET /version HTTP/1.0\r\n")).startsWith("HTTP/1.0 200 ");

        probe.assertUnchanged();
    }

    /** One request over a plain socket (the clients above always send a Host of their own), closed after. */
    private static String raw(String head) throws Exception {
        try (RawHttp http = new RawHttp(port())) {
            http.send(head.contains("\r\n\r\n") ? head : head + "Connection: close\r\n\r\n");
            return http.answer();
        }
    }

    @Test
    void everyLoopbackSpellingWithOurPortIsAllowed() {
        for (String host : new String[] {"127.0.0.1:%d", "localhost:%d", "[::1]:%d", "LOCALHOST:%d"}) {
            given().header("Host", host.formatted(port())).when().get("/version").then().statusCode(200);
        }
    }

    @Test
    void aClientThatAsksForHttp2IsAnsweredOverHttp11BodiesIncluded() throws Exception {
        URI events = URI.create("http://127.0.0.1:" + port() + "/api/agent-event");
        String body = "{\"agent\":\"codex\",\"status\":\"running\",\"session\":\"h2c\",\"threadId\":\"t1\"}";
        HttpRequest post = HttpRequest.newBuilder(events).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpRequest get = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + "/version")).build();
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build()) {
            // The JDK's client asks to upgrade to h2c on its first request, a POST with a body here.
            HttpResponse<String> posted = client.send(post, HttpResponse.BodyHandlers.ofString());
            HttpResponse<String> next = client.send(get, HttpResponse.BodyHandlers.ofString());

            assertThat(posted.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(posted.statusCode()).as(posted.body()).isBetween(200, 299);
            assertThat(next.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
            assertThat(next.statusCode()).isEqualTo(200);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://evil.example", "null", "https://localhost:%d", "http://localhost:1",
        "http://127.0.0.1:%d.evil.example"})
    void foreignOriginIsForbidden(String originPattern) {
        String origin = originPattern.formatted(port());
        StateProbe probe = StateProbe.watch(state);

        given().header("Origin", origin).contentType("application/json").body(STATUS).when().post("/set-status").then()
                .statusCode(403).body(equalTo("forbidden origin"));
        given().header("Origin", origin).when().get("/api/state").then().statusCode(403)
                .body(equalTo("forbidden origin"));
        given().header("Origin", origin).contentType("application/json").body(EVENT).when().post("/api/agent-event")
                .then().statusCode(403).body(equalTo("forbidden origin"));

        probe.assertUnchanged();
    }

    @Test
    void ourOwnOriginIsAllowed() {
        given().header("Origin", "http://127.0.0.1:" + port()).contentType("application/json")
                .body("{\"session\":\"guard-own\",\"text\":\"fine\"}").when().post("/set-status").then()
                .statusCode(204);
        given().header("Origin", "http://localhost:" + port()).header("Host", "LocalHost:" + port())
                .contentType("application/json; charset=UTF-8").body(EVENT).when().post("/api/agent-event").then()
                .statusCode(202);
    }

    @ParameterizedTest
    @ValueSource(strings = {"text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x",
        "application/jsonp", "text/json", ""})
    void bodiesThatAreNotJsonAreRefused(String contentType) throws Exception {
        StateProbe probe = StateProbe.watch(state);

        assertThat(rawPost("/set-status", contentType, STATUS)).isEqualTo("415 expected application/json");
        assertThat(rawPost("/api/agent-event", contentType, "{\"agent\":\"a\",\"status\":\"done\"}"))
                .isEqualTo("415 expected application/json");

        probe.assertUnchanged();
    }

    /** Posts exactly the given content type (none when empty), which REST Assured would rewrite. */
    private static String rawPost(String path, String contentType, String body) throws Exception {
        return rawPost(path, contentType, HttpRequest.BodyPublishers.ofString(body));
    }

    private static String rawPost(String path, String contentType, HttpRequest.BodyPublisher body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port() + path))
                .POST(body);
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        }
    }

    @Test
    void jsonWithACharsetParameterIsAccepted() {
        given().contentType("application/json; charset=utf-8").body("{\"session\":\"guard-cs\",\"text\":\"é\"}")
                .when().post("/set-status").then().statusCode(204);
        given().contentType("Application/JSON").body("{\"session\":\"guard-cs\",\"text\":\"ok\"}")
                .when().post("/set-status").then().statusCode(204);
    }

    @Test
    void aBodyOverOneMebibyteIsTooLarge() throws Exception {
        byte[] body = new byte[2 * 1024 * 1024];
        Arrays.fill(body, (byte) ' ');
        byte[] json = "{\"session\":\"guard-big\",\"text\":\"x\"}".getBytes(StandardCharsets.UTF_8);
        System.arraycopy(json, 0, body, 0, json.length);
        StateProbe probe = StateProbe.watch(state);

        given().contentType("application/json").body(body).when().post("/set-status").then().statusCode(413);
        // Without a Content-Length (chunked), the limit must hold while the body streams in.
        assertThat(rawPost("/set-status", "application/json",
                HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))).startsWith("413");

        probe.assertUnchanged();
    }
}
