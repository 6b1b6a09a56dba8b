package dev.opensessions.adapters.http;

import dev.opensessions.application.testkit.FakeSessionSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class StateResourceTest {

    @Inject
    FakeSessionSource sessions;

    @Inject
    RecordedTransitions transitions;

    /** One thread per session: the server drops a report older than its thread's last one. */
    private static void event(String session, String status, long ts) {
        given().contentType("application/json")
                .body("{\"agent\":\"pi\",\"threadId\":\"t-" + session + "\",\"status\":\"" + status + "\",\"tmuxSession\":\""
                        + session + "\",\"ts\":" + ts + "}")
                .when().post("/api/agent-event").then().statusCode(204);
    }

    @Test
    void historyListsTheSessionsTransitionsNewestFirst() {
        sessions.pushSessions("hist-a", "/work/hist-a", "hist-b", "/work/hist-b");
        event("hist-a", "running", 1_000);
        event("hist-b", "running", 1_500);
        event("hist-a", "done", 2_000);

        given().queryParam("session", "hist-a").when().get("/api/history").then()
                .statusCode(200)
                .contentType("application/json")
                .body("$", hasSize(2))
                .body("to", contains("done", "running"))
                .body("from", contains("running", null))
                .body("[1]", hasKey("from"))
                .body("[0].session", equalTo("hist-a"))
                .body("[0].thread", equalTo("pi:t-hist-a"))
                .body("[0].at", equalTo(2000))
                .body("[1].from", nullValue());
        assertThat(transitions.lastLimit()).isEqualTo(50);
    }

    @Test
    void historyLimitIsClampedToOneThroughFiveHundred() {
        sessions.pushSessions("hist-c", "/work/hist-c");
        event("hist-c", "running", 1_000);
        event("hist-c", "waiting", 2_000);

        given().queryParam("session", "hist-c").queryParam("limit", 1).when().get("/api/history").then()
                .statusCode(200).body("to", contains("waiting"));
        given().queryParam("session", "hist-c").queryParam("limit", 0).when().get("/api/history").then()
                .statusCode(200).body("$", hasSize(1));
        assertThat(transitions.lastLimit()).isEqualTo(1);
        given().queryParam("session", "hist-c").queryParam("limit", 100_000).when().get("/api/history").then()
                .statusCode(200).body("$", hasSize(2));
        assertThat(transitions.lastLimit()).isEqualTo(500);
    }

    @Test
    void historyRefusesAMissingOrInvalidQuery() {
        given().when().get("/api/history").then().statusCode(400).body(equalTo("missing session"));
        given().queryParam("session", "").when().get("/api/history").then().statusCode(400)
                .body(equalTo("missing session"));
        given().queryParam("session", "x".repeat(300)).when().get("/api/history").then().statusCode(400)
                .body(equalTo("invalid session"));
        given().queryParam("session", "hist-d").queryParam("limit", "many").when().get("/api/history").then()
                .statusCode(400).body(equalTo("invalid limit"));
    }

    @Test
    void historyOfAnUnknownSessionIsEmpty() {
        given().queryParam("session", "hist-none").when().get("/api/history").then()
                .statusCode(200).body("$", hasSize(0));
    }
}
