package dev.opensessions.server;

import dev.opensessions.testkit.RawWebSocket;
import dev.opensessions.testkit.WebSocketInbox;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The composed server: real HTTP and WebSocket adapters over the real core and a real SQLite file. */
@QuarkusTest
class ServerWiringTest {

    @TestHTTPResource("/ws")
    URI ws;

    @Test
    void readmeCurlExamplesReachTheStateOverHttpAndWebSocket() throws Exception {
        post("/set-status", "{\"session\":\"wiring-app\",\"text\":\"Deploying\",\"tone\":\"warn\"}");
        post("/set-progress", "{\"session\":\"wiring-app\",\"current\":3,\"total\":10,\"label\":\"services\"}");
        post("/log", "{\"session\":\"wiring-app\",\"message\":\"Tests passed\",\"source\":\"ci\",\"tone\":\"success\"}");

        given().get("/api/state").then().statusCode(200)
                .body("metadata.wiring-app.status.text", equalTo("Deploying"))
                .body("metadata.wiring-app.progress.percent", equalTo(30.0f))
                .body("metadata.wiring-app.logs[0].source", equalTo("ci"));

        try (RawWebSocket socket = RawWebSocket.connect(URI.create(ws.toString().replace("http", "ws")), Map.of(),
                Duration.ofSeconds(10))) {
            WebSocketInbox<String> frames = WebSocketInbox.start(socket, text -> text);
            dev.opensessions.application.testkit.Await.until(() -> frames.messages().size() >= 2, Duration.ofSeconds(10),
                    "hello and state frames");
            assertThat(frames.messages().get(0)).contains("\"type\":\"hello\"");
            assertThat(frames.messages().get(1)).contains("\"type\":\"state\"").contains("Deploying");
        }
    }

    @Test
    void runtimeFilesHoldThePrivateTokenTheServerAnswersWith() throws Exception {
        Path token = Path.of("target/test-runtime/token");
        Path pid = Path.of("target/test-runtime/pid");

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(token))).isEqualTo("rw-------");
        assertThat(Files.readString(pid)).isEqualTo(Long.toString(ProcessHandle.current().pid()));
        String identity = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readString(token).getBytes(StandardCharsets.UTF_8))).substring(0, 16);
        given().get("/").then().statusCode(200).body(equalTo("opensessions server " + identity));
    }

    @Test
    void quitRefusesAWrongToken() {
        given().header("Authorization", "Bearer " + "0".repeat(64)).post("/quit").then().statusCode(401);
    }

    @Test
    void stateIsWrittenToTheSqliteFile() {
        post("/set-status", "{\"session\":\"durable-app\",\"text\":\"Saved\"}");

        Path db = Path.of("target/test-state/opensessions.db");
        assertThat(db).exists();
        dev.opensessions.application.testkit.Await.until(() -> fileContains(db, "Saved"), Duration.ofSeconds(10),
                "status written to " + db);
    }

    private static boolean fileContains(Path db, String text) {
        try {
            // WAL mode: fresh writes sit in the -wal file until a checkpoint.
            for (Path file : List.of(db, Path.of(db + "-wal"))) {
                if (Files.exists(file) && new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(text)) {
                    return true;
                }
            }
            return false;
        } catch (java.io.IOException unreadable) {
            return false;
        }
    }

    private static void post(String path, String json) {
        given().contentType("application/json").body(json).post(path).then().statusCode(204);
    }
}
