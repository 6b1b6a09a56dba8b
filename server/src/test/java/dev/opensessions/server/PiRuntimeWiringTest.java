package dev.opensessions.server;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

/** The composed server serves the Pi runtime registry routes from the real core. */
@QuarkusTest
class PiRuntimeWiringTest {

    @Test
    void aPiProcessRegistersBeatsAndEnds() {
        String beat = """
                {"pid":4242,"ppid":4000,"sessionId":"wiring-pi","cwd":"/tmp","ts":%d,"paneId":"%%3"}
                """.formatted(System.currentTimeMillis());

        post("/api/runtime/pi/upsert", beat).statusCode(204).body(emptyString());
        post("/api/runtime/pi/upsert", beat).statusCode(204);
        post("/api/runtime/pi/delete", "{\"pid\":4242}").statusCode(204);
        post("/api/runtime/pi/delete", "{\"pid\":4242}").statusCode(204);
        post("/api/runtime/pi/upsert", "{\"pid\":4242}").statusCode(400).body(equalTo("invalid pi runtime payload"));
        post("/api/runtime/pi/delete", "{}").statusCode(400).body(equalTo("missing pid"));
    }

    private static io.restassured.response.ValidatableResponse post(String path, String json) {
        return given().contentType("application/json").body(json).post(path).then();
    }
}
