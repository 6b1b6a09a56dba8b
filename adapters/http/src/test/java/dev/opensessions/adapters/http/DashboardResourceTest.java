package dev.opensessions.adapters.http;

import dev.opensessions.application.port.in.SwitchSessionUseCase.SwitchOutcome;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** The browser dashboard's routes: the page for browsers only, its files, its policy, and the switch by name. */
@QuarkusTest
class DashboardResourceTest {

    static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Inject
    RecordedControls controls;

    @BeforeEach
    void forgetEarlierCalls() {
        controls.drain();
        controls.answerSwitchesWith(new SwitchOutcome.Switched("/dev/pts/3"));
    }

    @Test
    void aBrowserGetsThePageUnderAStrictPolicy() {
        given().header("Accept", BROWSER_ACCEPT).when().get("/").then()
                .statusCode(200)
                .contentType(startsWith("text/html"))
                .header("Content-Security-Policy", equalTo(DashboardResource.policy("localhost:" + port())))
                .header("X-Content-Type-Options", "nosniff")
                .header("X-Frame-Options", "DENY")
                .body(containsString("<script type=\"module\" src=\"/dashboard/app.js\"></script>"));
    }

    @Test
    void scriptsAndCurlKeepTheGreeting() {
        given().header("Accept", "*/*").when().get("/").then()
                .statusCode(200).contentType(startsWith("text/plain")).body(startsWith("opensessions server "));
        given().header("Accept", "application/json").when().get("/").then().body(startsWith("opensessions server "));
    }

    @Test
    void thePolicyAllowsNoInlineScriptAndOnlyThisServersSocket() {
        String policy = DashboardResource.policy("127.0.0.1:7391");
        assertThat(policy).contains("default-src 'none'", "script-src 'self';", "connect-src 'self' ws://127.0.0.1:7391;",
                "frame-ancestors 'none'").doesNotContain("unsafe");
    }

    @Test
    void servesItsOwnFilesAndNothingElse() {
        given().when().get("/dashboard/app.js").then().statusCode(200).contentType(startsWith("text/javascript"))
                .header("Content-Security-Policy", startsWith("default-src 'none'"))
                .body(containsString("textContent"));
        given().when().get("/dashboard/chart.js").then().statusCode(200).contentType(startsWith("text/javascript"));
        given().when().get("/dashboard/boot.js").then().statusCode(200).contentType(startsWith("text/javascript"));
        given().when().get("/dashboard/app.css").then().statusCode(200).contentType(startsWith("text/css"));
        given().when().get("/dashboard/index.html").then().statusCode(404).body(equalTo("not found"));
        given().when().get("/dashboard/..%2Fapplication.properties").then().statusCode(404);
    }

    @Test
    void thePageNeverWritesMarkupFromTheState() {
        String script = given().when().get("/dashboard/app.js").then().extract().asString()
                + given().when().get("/dashboard/chart.js").then().extract().asString()
                + given().when().get("/dashboard/boot.js").then().extract().asString();
        assertThat(script).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(",
                "new Function");
    }

    @Test
    void switchSessionNeedsTheToken() {
        String body = "{\"pane\":\"%7\",\"session\":\"api\"}";
        given().contentType("application/json").body(body).when().post("/switch-session").then()
                .statusCode(401).body(equalTo("unauthorized"));
        given().header("Authorization", "Bearer nope").contentType("application/json").body(body).when()
                .post("/switch-session").then().statusCode(401);
        assertThat(controls.drain()).isEmpty();
    }

    @Test
    void switchSessionSwitchesTheClientShowingThePaneByName() {
        authorized().body("{\"pane\":\"%7\",\"session\":\"api\"}").when().post("/switch-session").then()
                .statusCode(200).body(equalTo("ok"));
        assertThat(controls.drain()).containsExactly("switchFrom %7 api");
    }

    @Test
    void switchSessionAnswersWhatBecameOfIt() {
        controls.answerSwitchesWith(new SwitchOutcome.UnknownSession());
        authorized().body("{\"pane\":\"%7\",\"session\":\"gone\"}").when().post("/switch-session").then()
                .statusCode(404).body(equalTo("unknown session"));
        controls.answerSwitchesWith(new SwitchOutcome.NoClient());
        authorized().body("{\"pane\":\"%7\",\"session\":\"api\"}").when().post("/switch-session").then()
                .statusCode(409).body(equalTo("no client"));
        controls.answerSwitchesWith(new SwitchOutcome.Failed("tmux said no"));
        authorized().body("{\"pane\":\"%7\",\"session\":\"api\"}").when().post("/switch-session").then()
                .statusCode(500).body(equalTo("switch failed"));
    }

    @Test
    void switchSessionRefusesBadFieldsAndDoesNothing() {
        authorized().body("{\"pane\":\"%7\"}").when().post("/switch-session").then()
                .statusCode(400).body(equalTo("missing session"));
        authorized().body("{\"session\":\"api\"}").when().post("/switch-session").then()
                .statusCode(400).body(equalTo("invalid paneId"));
        authorized().body("{\"pane\":\"7\",\"session\":\"api\"}").when().post("/switch-session").then()
                .statusCode(400).body(equalTo("invalid paneId"));
        authorized().body("{\"pane\":7,\"session\":\"api\"}").when().post("/switch-session").then()
                .statusCode(400).body(equalTo("invalid paneId"));
        authorized().body("{\"pane\":\"%7\",\"session\":\"a\\u0007b\"}").when().post("/switch-session").then()
                .statusCode(400).body(equalTo("invalid session"));
        given().header("Authorization", "Bearer " + TestComposition.TOKEN.value()).contentType("text/plain")
                .body("{\"pane\":\"%7\",\"session\":\"api\"}").when().post("/switch-session").then()
                .statusCode(415).body(not(equalTo("ok")));
        assertThat(controls.drain()).isEmpty();
    }

    private static io.restassured.specification.RequestSpecification authorized() {
        return given().header("Authorization", "Bearer " + TestComposition.TOKEN.value()).contentType("application/json");
    }

    private static int port() {
        return io.restassured.RestAssured.port;
    }
}
