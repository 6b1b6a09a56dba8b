package dev.opensessions.adapters.http;

import dev.opensessions.application.port.in.ExplainAgentsUseCase.AgentExplanation;
import dev.opensessions.domain.session.SessionName;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class DebugAgentsResourceTest {

    @Inject
    FakeExplainAgents explain;

    private static final String LIVES =
            "the last entry is a tool call and the file has been quiet 95 s but claude pid 4242 in %3 lives";

    @BeforeEach
    void rows() {
        explain.set(List.of(
                new AgentExplanation("claude-code:0b7e", "claude-code", "api", "waiting", "running", "watcher",
                        "/home/me/.claude/projects/-w-api/0b7e.jsonl",
                        List.of("line 88 assistant tool_use Bash", "quiet 4 s"), "directory /w/api", false,
                        "2026-03-01T12:00:00Z", "process", LIVES),
                new AgentExplanation("amp:T-1", "amp", "web", "done", "done", "http", "pane %4", List.of(),
                        "pane %4", true, "2026-03-01T11:59:00Z", "hook", "an event said done at 2026-03-01T11:59:00Z"),
                new AgentExplanation("codex:019a", "codex", null, "running", "running", "watcher",
                        "/home/me/.codex/sessions/2026/03/01/rollout-019a.jsonl", List.of("turn_context"),
                        "unresolved", false, "2026-03-01T11:58:00Z", "transcript",
                        "the last entry says running; no agent process found")));
    }

    @Test
    void everyRowIsExplainedAsPrettyJson() {
        String body = given().when().get("/debug/agents").then()
                .statusCode(200)
                .contentType("application/json")
                .body("session", nullValue())
                .body("agents", hasSize(3))
                .body("agents.key", contains("claude-code:0b7e", "amp:T-1", "codex:019a"))
                .body("agents[0].status", equalTo("waiting"))
                .body("agents[0].readStatus", equalTo("running"))
                .body("agents[0].source", equalTo("watcher"))
                .body("agents[0].evidence", contains("line 88 assistant tool_use Bash", "quiet 4 s"))
                .body("agents[0].mapping", equalTo("directory /w/api"))
                .body("agents[0].decidedBy", equalTo("process"))
                .body("agents[0].why", equalTo(LIVES))
                .body("agents[1].decidedBy", equalTo("hook"))
                .body("agents[1].unseen", equalTo(true))
                .body("agents[2].session", nullValue())
                .body("agents[2].mapping", equalTo("unresolved"))
                .extract().asString();

        assertThat(body).contains("\n  \"agents\" : [");
        assertThat(explain.lastQuery()).isEmpty();
    }

    @Test
    void oneSessionsRowsWhenASessionIsNamed() {
        given().queryParam("session", "web").when().get("/debug/agents").then()
                .statusCode(200)
                .body("session", equalTo("web"))
                .body("agents.key", contains("amp:T-1"));

        assertThat(explain.lastQuery()).isEqualTo(Optional.of(SessionName.of("web")));
    }

    @Test
    void anEmptySessionMeansEveryRow() {
        given().queryParam("session", "").when().get("/debug/agents").then()
                .statusCode(200).body("agents", hasSize(3));
    }

    @Test
    void aMalformedSessionNameIsRefused() {
        given().queryParam("session", "x".repeat(300)).when().get("/debug/agents").then()
                .statusCode(400).body(equalTo("invalid session"));
        given().queryParam("session", "bad\u0001name").when().get("/debug/agents").then()
                .statusCode(400).body(equalTo("invalid session"));
    }

    @Test
    void aForeignHostOrOriginIsRefusedByTheLoopbackGuard() {
        given().header("Host", "evil.example:" + RestAssured.port).when().get("/debug/agents").then()
                .statusCode(403).body(equalTo("forbidden host"));
        given().header("Origin", "http://evil.example").when().get("/debug/agents").then()
                .statusCode(403).body(equalTo("forbidden origin"));
    }

    @Test
    void onlyGetIsAllowed() {
        given().contentType("application/json").body("{}").when().post("/debug/agents").then().statusCode(405);
    }
}
