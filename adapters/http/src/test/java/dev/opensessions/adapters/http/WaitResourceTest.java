package dev.opensessions.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.application.service.AgentWaitService;
import dev.opensessions.application.testkit.Await;
import dev.opensessions.application.testkit.FakeSessionSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /api/wait} over real HTTP connections. */
@QuarkusTest
class WaitResourceTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @TestHTTPResource("/")
    URI base;
    @Inject
    FakeSessionSource sessions;
    @Inject
    AgentWaitService waits;

    @Test
    void aConditionThatHoldsAlreadyIsAnsweredAtOnceWithTheThread() throws Exception {
        sessions.pushSessions("wait-a", "/work/wait-a");
        post("{\"agent\":\"codex\",\"threadId\":\"t1\",\"status\":\"done\",\"tmuxSession\":\"wait-a\"}");

        HttpResponse<String> answer = get("api/wait?session=wait-a&status=done,error&timeout=5s");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        JsonNode thread = JSON.readTree(answer.body());
        assertThat(thread.path("agent").asText()).isEqualTo("codex");
        assertThat(thread.path("threadId").asText()).isEqualTo("t1");
        assertThat(thread.path("status").asText()).isEqualTo("done");
        assertThat(thread.path("session").asText()).isEqualTo("wait-a");
    }

    @Test
    void aWaitIsAnsweredWhenAnEventMakesItTrue() throws Exception {
        sessions.pushSessions("wait-b", "/work/wait-b");
        post("{\"agent\":\"claude-code\",\"threadId\":\"t2\",\"status\":\"running\",\"tmuxSession\":\"wait-b\"}");
        int before = waits.openWaits();
        CompletableFuture<HttpResponse<String>> pending = getAsync(
                "api/wait?session=wait-b&agent=claude-code&thread=t2&status=waiting&timeout=1m");
        Await.until(() -> waits.openWaits() > before, Await.DEFAULT, "the wait is open");

        post("{\"agent\":\"claude-code\",\"threadId\":\"t2\",\"status\":\"tool-running\",\"tmuxSession\":\"wait-b\"}");
        assertThat(pending).isNotDone();
        post("{\"agent\":\"claude-code\",\"threadId\":\"t2\",\"status\":\"waiting\",\"tmuxSession\":\"wait-b\"}");

        HttpResponse<String> answer = pending.get(10, TimeUnit.SECONDS);
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(answer.body()).path("status").asText()).isEqualTo("waiting");
    }

    @Test
    void aWaitThatIsNotMetInTimeIsAnswered408() throws Exception {
        sessions.pushSessions("wait-c", "/work/wait-c");

        HttpResponse<String> answer = get("api/wait?session=wait-c&status=done&timeout=200ms");

        assertThat(answer.statusCode()).isEqualTo(408);
        assertThat(answer.body()).isEqualTo("timed out");
    }

    @Test
    void badParametersAreRefusedWithTheirReason() throws Exception {
        assertThat(refusal("api/wait?status=done")).isEqualTo("missing session");
        assertThat(refusal("api/wait?session=x")).isEqualTo("missing status");
        assertThat(refusal("api/wait?session=x&status=finished")).isEqualTo("invalid status");
        assertThat(refusal("api/wait?session=x&status=done,")).isEqualTo("invalid status");
        assertThat(refusal("api/wait?session=x&status=done&timeout=soon")).isEqualTo("invalid timeout");
        assertThat(refusal("api/wait?session=x&status=done&timeout=25h")).isEqualTo("invalid timeout");
        assertThat(refusal("api/wait?session=" + encode("a\u0085b") + "&status=done")).isEqualTo("invalid session");
        assertThat(refusal("api/wait?session=x&status=done&agent=" + "a".repeat(257))).isEqualTo("invalid agent");
        assertThat(refusal("api/wait?session=x&status=done&thread=" + encode("t\u0007"))).isEqualTo("invalid thread");
    }

    @Test
    void waitsBeyondTheLimitAreRefused429AndAClientThatHangsUpFreesItsPlace() throws Exception {
        sessions.pushSessions("wait-d", "/work/wait-d");
        List<Socket> held = new ArrayList<>();
        try {
            int free = TestComposition.WAIT_LIMIT - waits.openWaits();
            for (int i = 0; i < free; i++) {
                held.add(openWait("wait-d"));
            }
            Await.until(() -> waits.openWaits() == TestComposition.WAIT_LIMIT, Await.DEFAULT, "every place taken");

            HttpResponse<String> refused = get("api/wait?session=wait-d&status=done&timeout=1m");
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.body()).isEqualTo("too many waits (at most " + TestComposition.WAIT_LIMIT + ")");

            held.removeFirst().close();
            Await.until(() -> waits.openWaits() == TestComposition.WAIT_LIMIT - 1, Await.DEFAULT, "a place freed");
            CompletableFuture<HttpResponse<String>> accepted = getAsync("api/wait?session=wait-d&status=done&timeout=1m");
            post("{\"agent\":\"amp\",\"status\":\"done\",\"tmuxSession\":\"wait-d\"}");
            assertThat(accepted.get(10, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
        // The held waits were answered by the done event, or ended with their connections.
        Await.until(() -> waits.openWaits() == 0, Await.DEFAULT, "every wait ended");
    }

    /** A raw connection holding one wait open; closing it hangs up without reading the answer. */
    private Socket openWait(String session) throws Exception {
        Socket socket = new Socket(base.getHost(), base.getPort());
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/wait?session=" + session + "&status=done&timeout=1m HTTP/1.1\r\nHost: "
                + base.getHost() + ":" + base.getPort() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    private String refusal(String path) throws Exception {
        HttpResponse<String> answer = get(path);
        assertThat(answer.statusCode()).as(path).isEqualTo(400);
        return answer.body();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return getAsync(path).get(30, TimeUnit.SECONDS);
    }

    private CompletableFuture<HttpResponse<String>> getAsync(String path) {
        return HTTP.sendAsync(HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(90)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void post(String json) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(base.resolve("api/agent-event"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(json).isEqualTo(204);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
