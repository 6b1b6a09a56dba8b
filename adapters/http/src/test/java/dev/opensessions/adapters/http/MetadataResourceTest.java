package dev.opensessions.adapters.http;

import dev.opensessions.application.port.in.GetStateUseCase;
import dev.opensessions.domain.metadata.SessionMetadata;
import dev.opensessions.domain.session.SessionName;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class MetadataResourceTest {

    @Inject
    GetStateUseCase state;

    static ValidatableResponse post(String path, String json) {
        return given().contentType("application/json").body(json).when().post(path).then();
    }

    @Test
    void readmeExamplesShowUpInTheState() {
        post("/set-status", "{\"session\":\"my-app\",\"text\":\"Deploying\",\"tone\":\"warn\"}").statusCode(204);
        post("/set-progress", "{\"session\":\"my-app\",\"current\":3,\"total\":10,\"label\":\"services\"}").statusCode(204);
        post("/log", "{\"session\":\"my-app\",\"message\":\"Tests passed\",\"source\":\"ci\",\"tone\":\"success\"}")
                .statusCode(204);

        given().when().get("/api/state").then()
                .statusCode(200)
                .contentType("application/json")
                .body("version", equalTo((int) state.current().version()))
                .body("metadata.my-app.status.text", equalTo("Deploying"))
                .body("metadata.my-app.status.tone", equalTo("warn"))
                .body("metadata.my-app.progress.current", equalTo(3.0f))
                .body("metadata.my-app.progress.total", equalTo(10.0f))
                .body("metadata.my-app.progress.percent", equalTo(30.0f))
                .body("metadata.my-app.progress.label", equalTo("services"))
                .body("metadata.my-app.logs.message", contains("Tests passed"))
                .body("metadata.my-app.logs.source", contains("ci"))
                .body("metadata.my-app.logs.tone", contains("success"));
    }

    @Test
    void nullOrEmptyTextClearsTheStatusAndClearRemovesProgress() {
        post("/set-status", "{\"session\":\"md-clear\",\"text\":\"Building\"}").statusCode(204);
        assertThat(metadata("md-clear").status().tone().wireName()).isEqualTo("neutral");
        post("/set-status", "{\"session\":\"md-clear\",\"text\":null}").statusCode(204);
        assertThat(metadata("md-clear").status()).isNull();

        post("/set-status", "{\"session\":\"md-clear\",\"text\":\"Again\",\"tone\":\"info\"}").statusCode(204);
        post("/set-status", "{\"session\":\"md-clear\",\"text\":\"\"}").statusCode(204);
        assertThat(metadata("md-clear").status()).isNull();

        post("/set-progress", "{\"session\":\"md-clear\",\"percent\":40}").statusCode(204);
        assertThat(metadata("md-clear").progress().percent()).isEqualTo(40.0);
        post("/set-progress", "{\"session\":\"md-clear\",\"percent\":40,\"clear\":true}").statusCode(204);
        assertThat(metadata("md-clear").progress()).isNull();
        post("/set-progress", "{\"session\":\"md-clear\",\"percent\":10}").statusCode(204);
        post("/set-progress", "{\"session\":\"md-clear\",\"label\":\"only a label\"}").statusCode(204);
        assertThat(metadata("md-clear").progress()).isNull();
    }

    @Test
    void notifyLogsAndClearLogEmptiesTheRing() {
        post("/log", "{\"session\":\"md-log\",\"message\":\"one\"}").statusCode(204);
        post("/notify", "{\"session\":\"md-log\",\"message\":\"two\",\"tone\":\"error\",\"source\":\"deploy\"}")
                .statusCode(204);

        given().when().get("/api/state").then()
                .body("metadata.md-log.logs.message", contains("one", "two"))
                .body("metadata.md-log.logs[0].tone", equalTo("neutral"))
                .body("metadata.md-log.logs[0].source", nullValue())
                .body("metadata.md-log.notification.message", equalTo("two"))
                .body("metadata.md-log.notification.tone", equalTo("error"));

        post("/clear-log", "{\"session\":\"md-log\"}").statusCode(204);
        given().when().get("/api/state").then().body("metadata.md-log.logs", hasSize(0));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "/set-status   | {\"text\":\"x\"}                                  | missing session",
        "/set-status   | {\"session\":\"\",\"text\":\"x\"}                   | missing session",
        "/set-status   | {\"session\":\"md-bad\",\"text\":\"x\",\"tone\":\"loud\"} | invalid tone",
        "/set-status   | {\"session\":\"md-bad\",\"text\":\"x\",\"tone\":3}     | invalid tone",
        "/set-status   | {\"session\":\"md-bad\",\"text\":7}                 | invalid payload",
        "/set-status   | {\"session\":42,\"text\":\"x\"}                    | invalid payload",
        "/set-status   | {\"session\":\"md\\u0007bell\",\"text\":\"x\"}        | invalid session",
        "/set-status   | {\"session\":\"md-bad\",\"text\":\"x\"                | invalid json",
        "/set-status   | `[{\"session\":\"md-bad\"}]`                        | invalid payload",
        "/set-status   | \"md-bad\"                                          | invalid payload",
        "/set-status   | {\"session\":\"md-bad\"} trailing                    | invalid json",
        "/set-status   | ``                                                  | invalid json",
        "/set-progress | {\"current\":3}                                     | missing session",
        "/set-progress | {\"session\":\"md-bad\",\"current\":\"3\"}            | invalid payload",
        "/set-progress | {\"session\":\"md-bad\",\"percent\":1e999}           | invalid payload",
        "/set-progress | {\"session\":\"md-bad\",\"total\":true}              | invalid payload",
        "/set-progress | {\"session\":\"md-bad\",\"percent\":5,\"clear\":\"yes\"} | invalid payload",
        "/set-progress | {\"session\":\"md-bad\",\"percent\":5,\"label\":[]}  | invalid payload",
        "/log          | {\"session\":\"md-bad\"}                            | missing message",
        "/log          | {\"session\":\"md-bad\",\"message\":null}            | missing message",
        "/log          | {\"message\":\"hi\"}                                | missing session",
        "/log          | {\"session\":\"md-bad\",\"message\":\"hi\",\"tone\":\"WARN\"} | invalid tone",
        "/log          | {\"session\":\"md-bad\",\"message\":\"hi\",\"source\":1} | invalid payload",
        "/notify       | {\"session\":\"md-bad\",\"message\":\"\"}             | missing message",
        "/notify       | {\"session\":\"md-bad\",\"message\":{}}              | invalid payload",
        "/clear-log    | {}                                                  | missing session",
        "/clear-log    | nope                                                | invalid json",
    })
    void malformedRequestsAreRefusedAndChangeNothing(String path, String json, String reason) {
        StateProbe probe = StateProbe.watch(state);

        post(path, json).statusCode(400).contentType("text/plain").body(equalTo(reason));

        probe.assertUnchanged();
    }

    @Test
    void aSessionNameOverTheCapIsInvalidWhileLongTextIsCapped() {
        StateProbe probe = StateProbe.watch(state);
        post("/set-status", "{\"session\":\"" + "s".repeat(257) + "\",\"text\":\"x\"}")
                .statusCode(400).body(equalTo("invalid session"));
        probe.assertUnchanged();

        post("/log", "{\"session\":\"md-long\",\"message\":\"" + "m".repeat(10_000) + "\"}").statusCode(204);
        assertThat(metadata("md-long").logs().getFirst().message()).hasSizeLessThanOrEqualTo(4096);
    }

    private SessionMetadata metadata(String session) {
        return state.current().metadataOf(SessionName.of(session));
    }
}
