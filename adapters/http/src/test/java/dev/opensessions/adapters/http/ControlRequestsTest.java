package dev.opensessions.adapters.http;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Control requests as scripts really send them ({@code curl -X POST -H 'Authorization: Bearer ..' -d ctx}):
 * any content type, exact bytes, and bodies refused before a use case sees them.
 */
@QuarkusTest
class ControlRequestsTest {

    private static final String BEARER = "Bearer " + TestComposition.TOKEN.value();

    @Inject
    RecordedControls controls;

    @BeforeEach
    void forgetEarlierCalls() {
        controls.drain();
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/x-www-form-urlencoded", "text/plain", "text/plain; charset=utf-8",
        "application/octet-stream", "application/json", ""})
    void theContextIsTakenWhateverItsContentType(String contentType) throws Exception {
        String reply = post("/toggle", contentType, BEARER, ControlResourceTest.CONTEXT.getBytes(StandardCharsets.UTF_8));

        assertThat(reply).isEqualTo("200 ok");
        assertThat(controls.drain()).containsExactly("toggle " + ControlResourceTest.PARSED);
    }

    @Test
    void formEncodingCharactersArriveAsTheyWereSent() throws Exception {
        // curl -d sends the bytes as given; a session named "a+b=c&d%20" must not be form-decoded.
        byte[] body = "/dev/pts/2|a+b=c&d%20|@1|%3|1".getBytes(StandardCharsets.UTF_8);

        assertThat(post("/ensure-sidebar", "application/x-www-form-urlencoded", BEARER, body)).isEqualTo("200 ok");
        assertThat(controls.drain()).containsExactly("ensure /dev/pts/2|a+b=c&d%20|@1|%3|1");
    }

    @Test
    void aFormPostWithoutTheTokenIsUnauthorizedNotMerelyTheWrongType() throws Exception {
        byte[] body = ControlResourceTest.CONTEXT.getBytes(StandardCharsets.UTF_8);

        assertThat(post("/toggle", "application/x-www-form-urlencoded", null, body)).isEqualTo("401 unauthorized");
        assertThat(post("/switch-index?index=1", "text/plain", "Bearer nope", body)).isEqualTo("401 unauthorized");
        assertThat(controls.drain()).isEmpty();
    }

    @Test
    void theJsonRuleStillHoldsOffTheControlPaths() throws Exception {
        byte[] status = "{\"session\":\"ctl\",\"text\":\"x\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(post("/set-status", "application/x-www-form-urlencoded", BEARER, status))
                .isEqualTo("415 expected application/json");
        assertThat(post("/toggle/../set-status", "text/plain", BEARER, status)).startsWith("415");
    }

    @Test
    void aForeignOriginIsRefusedEvenWithTheToken() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri("/toggle"))
                .header("Authorization", BEARER)
                .header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(ControlResourceTest.CONTEXT))
                .build();

        assertThat(send(request)).isEqualTo("403 forbidden origin");
        assertThat(controls.drain()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/toggle", "/focus", "/ensure-sidebar", "/switch-index?index=2"})
    void aBadContextIsRefusedAndNothingHappens(String path) throws Exception {
        byte[] bell = "/dev/pts/1|wo\u0007rk|@1|%1|1".getBytes(StandardCharsets.UTF_8);
        byte[] huge = ("/dev/pts/1|" + "s".repeat(5000) + "|@1|%1|1").getBytes(StandardCharsets.UTF_8);
        byte[] latin1 = "/dev/pts/1|caf\u00e9|@1|%1|1".getBytes(StandardCharsets.ISO_8859_1);
        byte[] badPane = "/dev/pts/1|s|@1|{last}|1".getBytes(StandardCharsets.UTF_8);

        for (byte[] body : new byte[][] {bell, huge, latin1, badPane}) {
            assertThat(post(path, "application/x-www-form-urlencoded", BEARER, body)).isEqualTo("400 invalid context");
        }
        assertThat(controls.drain()).isEmpty();
    }

    @Test
    void anEmptyBodyMeansNoContext() throws Exception {
        assertThat(post("/toggle", "", BEARER, new byte[0])).isEqualTo("200 ok");

        assertThat(controls.drain()).containsExactly("toggle ||||0");
    }

    /** Posts exactly these bytes with exactly this content type (none when empty), as curl would. */
    private static String post(String path, String contentType, String authorization, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (!contentType.isEmpty()) {
            request.header("Content-Type", contentType);
        }
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    private static URI uri(String path) {
        return URI.create("http://127.0.0.1:" + RestAssured.port + path);
    }

    private static String send(HttpRequest request) throws Exception {
        try (HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()) {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() + " " + response.body();
        }
    }
}
