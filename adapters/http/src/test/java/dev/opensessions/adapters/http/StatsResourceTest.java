package dev.opensessions.adapters.http;

import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.SeenMark;
import dev.opensessions.domain.agent.StatusTransition;
import dev.opensessions.domain.agent.ThreadKey;
import dev.opensessions.domain.session.SessionName;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;

/** {@code GET /api/stats} over a recorded history. */
@QuarkusTest
class StatsResourceTest {

    private static final SessionName API = SessionName.of("api");
    private static final ThreadKey CLAUDE = new ThreadKey("claude-code:t1");
    private static final Instant NINE = Instant.parse("2026-03-01T09:00:00Z");

    @Inject
    FakeWaitStats stats;

    /** Works 10 min, asks a question answered 3 min later, works 5 min, finishes unseen, looked at 1 min later. */
    private void recordedMorning() {
        stats.set(List.of(
                new StatusTransition(API, CLAUDE, null, AgentStatus.RUNNING, NINE),
                new StatusTransition(API, CLAUDE, AgentStatus.RUNNING, AgentStatus.WAITING, NINE.plusSeconds(600)),
                new StatusTransition(API, CLAUDE, AgentStatus.WAITING, AgentStatus.RUNNING, NINE.plusSeconds(780)),
                new StatusTransition(API, CLAUDE, AgentStatus.RUNNING, AgentStatus.DONE, NINE.plusSeconds(1080), true)),
                List.of(new SeenMark(API, CLAUDE, NINE.plusSeconds(1140))), NINE.plusSeconds(3600));
    }

    @Test
    void statsGiveTheHandCountedFiguresPerSessionAgentAndInTotal() {
        recordedMorning();

        given().queryParam("since", "2026-03-01T09:00:00Z").when().get("/api/stats").then()
                .statusCode(200)
                .contentType("application/json")
                .body("since", equalTo(NINE.toEpochMilli()))
                .body("sessions.session", contains("api"))
                .body("sessions[0].waits", equalTo(2))
                // Waits of 3 min and 1 min: median 2 min, longest 3 min, 4 min in all; 15 min of work.
                .body("sessions[0].medianMs", equalTo(120_000))
                .body("sessions[0].longestMs", equalTo(180_000))
                .body("sessions[0].waitedMs", equalTo(240_000))
                .body("sessions[0].busyMs", equalTo(900_000))
                .body("sessions[0]", not(hasKey("agent")))
                .body("agents.agent", contains("claude-code"))
                .body("total.waits", equalTo(2));
        double share = given().queryParam("since", "2026-03-01").when().get("/api/stats").then().statusCode(200)
                .extract().jsonPath().getDouble("total.waitingShare");
        assertThat(share).isCloseTo(4.0 / 19, within(1e-6));
    }

    @Test
    void theTableShowsTheSameFiguresForPeople() {
        recordedMorning();

        String table = given().queryParam("since", "2026-03-01T09:00:00Z").queryParam("format", "table")
                .when().get("/api/stats").then().statusCode(200).contentType("text/plain").extract().asString();

        assertThat(table).startsWith("Agents waiting for you, 2026-03-01 09:00 to 2026-03-01 10:00 UTC\n");
        assertThat(table).containsSubsequence(
                "SESSION", "WAITS", "MEDIAN", "LONGEST", "WAITED", "SHARE",
                "api", "2", "2m00s", "3m00s", "4m00s", "21%",
                "AGENT", "claude-code", "2", "2m00s", "3m00s", "4m00s", "21%",
                "total", "2");
        given().queryParam("format", "xml").when().get("/api/stats").then().statusCode(400).body(equalTo("invalid format"));
    }

    @Test
    void sinceTakesAPeriodBackFromNowAndADayWhenAbsent() {
        recordedMorning();

        given().queryParam("since", "2h").when().get("/api/stats").then().statusCode(200);
        assertThat(stats.lastSince()).isCloseTo(Instant.now().minus(Duration.ofHours(2)), within(Duration.ofMinutes(1)));
        given().when().get("/api/stats").then().statusCode(200);
        assertThat(stats.lastSince()).isCloseTo(Instant.now().minus(Duration.ofDays(1)), within(Duration.ofMinutes(1)));
    }

    @Test
    void aSinceThatIsNeitherAPeriodNorATimeIsRefused() {
        for (String bad : List.of("yesterday", "1y", "-1d", "2026-13-01")) {
            given().queryParam("since", bad).when().get("/api/stats").then().statusCode(400).body(equalTo("invalid since"));
        }
    }
}
