package dev.opensessions.adapters.http;

import dev.opensessions.application.port.in.GetStateUseCase;
import dev.opensessions.application.testkit.FakeSessionSource;
import dev.opensessions.application.testkit.MutableClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

import static dev.opensessions.adapters.http.AgentEventRouteTest.agentOf;
import static dev.opensessions.adapters.http.AgentEventRouteTest.post;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class PiRuntimeResourceTest {

    private static final String UPSERT = "/api/runtime/pi/upsert";
    private static final String DELETE = "/api/runtime/pi/delete";

    @Inject
    GetStateUseCase state;

    @Inject
    FakeSessionSource sessions;

    @Inject
    MutableClock clock;

    @Test
    void aRegisteredProcessThatEndsWhileItsRowRunsLeavesItStaleAndASecondEndChangesNothing() {
        sessions.pushSessions("pi-live", "/work/pi-live");
        post(UPSERT, heartbeat("4242", "\"pi-s1\"", "\"%0\"")).statusCode(204).body(emptyString());
        running("pi-s1", "/work/pi-live");

        post(DELETE, "{\"pid\":4242}").statusCode(204).body(emptyString());

        given().when().get("/api/state").then().body(agentOf("pi-live") + ".status", equalTo("stale"));
        StateProbe probe = StateProbe.watch(state);
        post(DELETE, "{\"pid\":4242}").statusCode(204);
        probe.assertUnchanged();
    }

    @Test
    void endingAProcessNobodyRegisteredIsAcceptedAndChangesNothing() {
        sessions.pushSessions("pi-ghost", "/work/pi-ghost");
        running("pi-ghost-1", "/work/pi-ghost");
        StateProbe probe = StateProbe.watch(state);

        post(DELETE, "{\"pid\":777777}").statusCode(204).body(emptyString());

        probe.assertUnchanged();
    }

    @ParameterizedTest(name = "sessionId {0}")
    @ValueSource(strings = {"é✓ \\\"quoted\\\" 🚀", "  padded  ", "a\\nb\\u0000c", "%0",
        "🚀 π ∑ 東京"})
    void oddButValidSessionIdsRegisterUnderTheirExactText(String sessionId) {
        sessions.pushSessions("pi-odd", "/work/pi-odd");
        post(UPSERT, """
                {"pid":5252,"ppid":1,"sessionId":"%s","cwd":"/work/pi odd/ü","sessionName":"tab\\tname",
                 "sessionFile":null,"ts":%d,"paneId":"","extra":[1,2]}
                """.formatted(sessionId, clock.instant().toEpochMilli())).statusCode(204);
        post("/api/agent-event", """
                {"agent":"pi","status":"tool-running","projectDir":"/work/pi-odd","threadId":"%s"}
                """.formatted(sessionId)).statusCode(204);

        post(DELETE, "{\"pid\":5252,\"ppid\":\"ignored\"}").statusCode(204);

        given().when().get("/api/state").then().body(agentOf("pi-odd") + ".status", equalTo("stale"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "pid | 0", "pid | -3", "pid | 5151.5", "pid | \"5151\"", "pid | 99999999999999999999", "pid | absent",
        "ppid | 0", "ppid | absent", "ppid | true",
        "sessionId | absent", "sessionId | \" \\t\"", "sessionId | \"\"", "sessionId | 7",
        "cwd | absent", "cwd | [\"/w\"]", "cwd | null",
        "sessionFile | 3", "sessionName | {}",
        "paneId | \"12\"", "paneId | \"%x\"", "paneId | \"%3 \"", "paneId | 3",
        "ts | absent", "ts | \"now\"", "ts | -1", "ts | 1e999", "ts | false",
    })
    void aHeartbeatWithOneBadFieldIsRefusedAndRegistersNothing(String field, String value) {
        Map<String, String> fields = new LinkedHashMap<>(Map.of("pid", "5151", "ppid", "1",
                "sessionId", "\"pi-bad\"", "cwd", "\"/work/pi-bad\"", "ts", Long.toString(clock.millis())));
        if (value.equals("absent")) {
            fields.remove(field);
        } else {
            fields.put(field, value);
        }
        refusedAndNothingRegistered(fields.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(",", "{", "}")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"pid\":5151,", "[{\"pid\":5151}]", "5151", ""})
    void aHeartbeatThatIsNotAJsonObjectIsRefused(String json) {
        refusedAndNothingRegistered(json);
    }

    @Test
    void aSessionIdOf256CodePointsIsTheLongestTaken() {
        post(UPSERT, heartbeat("5353", "\"" + "🚀".repeat(256) + "\"", "\"%0\"")).statusCode(204);
        post(DELETE, "{\"pid\":5353}").statusCode(204);

        post(UPSERT, heartbeat("5353", "\"" + "🚀".repeat(257) + "\"", "\"%0\"")).statusCode(400)
                .body(equalTo("invalid pi runtime payload"));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{}", "{\"pid\":null}", "{\"pid\":0}", "{\"pid\":-1}", "{\"pid\":1.5}",
        "{\"pid\":\"4242\"}", "{\"pid\":", "[4242]", "4242"})
    void anEndWithoutAValidPidIsRefused(String json) {
        StateProbe probe = StateProbe.watch(state);

        post(DELETE, json).statusCode(400).contentType("text/plain").body(equalTo("missing pid"));

        probe.assertUnchanged();
    }

    @Test
    void theRoutesTakeJsonByPostOnly() {
        given().contentType("text/plain").body("{\"pid\":1}").when().post(DELETE).then().statusCode(415);
        given().when().get(UPSERT).then().statusCode(405);
    }

    private void refusedAndNothingRegistered(String json) {
        sessions.pushSessions("pi-bad", "/work/pi-bad");
        running("pi-bad", "/work/pi-bad");
        StateProbe probe = StateProbe.watch(state);

        post(UPSERT, json).statusCode(400).contentType("text/plain").body(equalTo("invalid pi runtime payload"));
        probe.assertUnchanged();

        // Had it registered pid 5151, ending that process would now leave the running row stale.
        post(DELETE, "{\"pid\":5151}").statusCode(204);
        given().when().get("/api/state").then().body(agentOf("pi-bad") + ".status", equalTo("running"));
    }

    private String heartbeat(String pid, String sessionId, String pane) {
        return """
                {"pid":%s,"ppid":4000,"sessionId":%s,"sessionFile":"/home/me/.pi/agent/sessions/s.jsonl",
                 "cwd":"/work/pi-live","sessionName":"fix the ✓ bug","ts":%d,"paneId":%s}
                """.formatted(pid, sessionId, clock.instant().toEpochMilli(), pane);
    }

    private static void running(String threadId, String dir) {
        post("/api/agent-event", """
                {"agent":"pi","status":"running","projectDir":"%s","threadId":"%s"}
                """.formatted(dir, threadId)).statusCode(204);
    }
}
