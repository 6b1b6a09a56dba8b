package dev.opensessions.adapters.http;

import dev.opensessions.application.port.in.JumpToNextUseCase.JumpOutcome;
import dev.opensessions.application.port.in.SwitchSessionUseCase.SwitchOutcome;
import dev.opensessions.domain.agent.ThreadKey;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** The token-guarded control endpoints: what each asks of its use case, and what is refused untouched. */
@QuarkusTest
class ControlResourceTest {

    static final String CONTEXT = "/dev/pts/3|my work|@4|%7|1";
    static final String PARSED = "/dev/pts/3|my work|@4|%7|1";

    @Inject
    RecordedControls controls;

    @BeforeEach
    void forgetEarlierCalls() {
        controls.drain();
        controls.answerSwitchesWith(new SwitchOutcome.Switched("/dev/pts/3"));
    }

    static RequestSpecification authorized() {
        return given().header("Authorization", "Bearer " + TestComposition.TOKEN.value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/toggle", "/focus", "/ensure-sidebar", "/switch-index?index=1", "/refresh",
        "/set-sidebar-width?width=30", "/next"})
    void everyControlEndpointRefusesACallerWithoutTheToken(String path) {
        given().body(CONTEXT).when().post(path).then().statusCode(401).body(equalTo("unauthorized"));
        given().header("Authorization", "Bearer " + "0".repeat(48)).body(CONTEXT).when().post(path).then()
                .statusCode(401).body(equalTo("unauthorized"));
        given().header("Authorization", TestComposition.TOKEN.value()).body(CONTEXT).when().post(path).then()
                .statusCode(401);
        given().header("Authorization", "Basic " + TestComposition.TOKEN.value()).body(CONTEXT).when().post(path)
                .then().statusCode(401);
        // Refused before anything is read: a bad query or body still answers 401, not 400.
        given().body("bad\u0007context").when().post(path.replaceAll("=\\d+", "=x")).then().statusCode(401);

        assertThat(controls.drain()).isEmpty();
    }

    @Test
    void toggleShowsOrHidesSidebarsFromTheCallersWindow() {
        authorized().body(CONTEXT).when().post("/toggle").then()
                .statusCode(200).contentType(startsWith("text/plain")).body(equalTo("ok"));

        assertThat(controls.drain()).containsExactly("toggle " + PARSED);
    }

    @Test
    void ensureSidebarAsksForTheCallersWindow() {
        authorized().body(CONTEXT).when().post("/ensure-sidebar").then().statusCode(200).body(equalTo("ok"));

        assertThat(controls.drain()).containsExactly("ensure " + PARSED);
    }

    @Test
    void focusReportsWhereTheClientNowIs() {
        authorized().body("/dev/pts/9|other|@12|%40|0").when().post("/focus").then().statusCode(200)
                .body(equalTo("ok"));

        assertThat(controls.drain()).containsExactly("focus /dev/pts/9|other|@12|%40|0");
    }

    @Test
    void refreshNeedsNoContextAndIgnoresOne() {
        authorized().when().post("/refresh").then().statusCode(200).body(equalTo("ok"));
        authorized().body(CONTEXT).when().post("/refresh").then().statusCode(200).body(equalTo("ok"));

        assertThat(controls.drain()).containsExactly("refresh", "refresh");
    }

    @Test
    void switchIndexSwitchesTheClientOfTheContext() {
        authorized().body(CONTEXT).when().post("/switch-index?index=3").then().statusCode(200).body(equalTo("ok"));
        authorized().body(CONTEXT).when().post("/switch-index?index=99").then().statusCode(200);
        authorized().body(CONTEXT).when().post("/switch-index?index=1").then().statusCode(200);

        assertThat(controls.drain()).containsExactly("switchClientToIndex /dev/pts/3 3",
                "switchClientToIndex /dev/pts/3 99", "switchClientToIndex /dev/pts/3 1");
    }

    @Test
    void switchIndexIsANoOpOkWhenNothingIsListedThereAndAnErrorWhenTmuxFails() {
        controls.answerSwitchesWith(new SwitchOutcome.OutOfRange(7, 3));
        authorized().body(CONTEXT).when().post("/switch-index?index=7").then().statusCode(200).body(equalTo("ok"));
        // A context without a client has nobody to switch: no use case is asked.
        authorized().body("|s|@1|%1|1").when().post("/switch-index?index=2").then().statusCode(200);
        controls.answerSwitchesWith(new SwitchOutcome.Failed("tmux did not answer"));
        authorized().body(CONTEXT).when().post("/switch-index?index=1").then().statusCode(500)
                .body(equalTo("switch failed"));

        assertThat(controls.drain()).containsExactly("switchClientToIndex /dev/pts/3 7",
                "switchClientToIndex /dev/pts/3 1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "?index=", "?index=0", "?index=100", "?index=abc", "?index=-1", "?index=1.5",
        "?index=%201", "?index=0x1", "?index=99999999999", "?other=2"})
    void switchIndexWithoutAValidIndexIsRefused(String query) {
        authorized().body(CONTEXT).when().post("/switch-index" + query).then()
                .statusCode(400).body(equalTo("missing index"));

        assertThat(controls.drain()).isEmpty();
    }

    @Test
    void setSidebarWidthPassesTheWidthForTheUseCaseToClamp() {
        authorized().body(CONTEXT).when().post("/set-sidebar-width?width=33").then().statusCode(200)
                .body(equalTo("ok"));
        authorized().when().post("/set-sidebar-width?width=5").then().statusCode(200);
        authorized().when().post("/set-sidebar-width?width=abc").then().statusCode(400).body(equalTo("missing width"));
        authorized().when().post("/set-sidebar-width").then().statusCode(400).body(equalTo("missing width"));
        authorized().when().post("/set-sidebar-width?width=0").then().statusCode(400);

        assertThat(controls.drain()).containsExactly("setWidth 33", "setWidth 5");
    }

    @Test
    void nextJumpsTheCallersClientAndSaysWhere() {
        controls.answerJumpsWith(new JumpOutcome.Jumped(SessionName.of("api"), new ThreadKey("codex:t1"),
                PaneId.of("%3"), 2));
        authorized().body(CONTEXT).when().post("/next").then().statusCode(200).body(equalTo("api\tcodex:t1\t2"));
        controls.answerJumpsWith(new JumpOutcome.NothingNeedsYou());
        authorized().body(CONTEXT).when().post("/next").then().statusCode(200).body(equalTo("nothing needs you"));
        controls.answerJumpsWith(new JumpOutcome.Failed("tmux did not answer"));
        authorized().body(CONTEXT).when().post("/next").then().statusCode(500).body(equalTo("jump failed"));
        authorized().body("|s|@1|%1|1").when().post("/next").then().statusCode(400);

        assertThat(controls.drain()).containsExactly("jumpNext /dev/pts/3", "jumpNext /dev/pts/3",
                "jumpNext /dev/pts/3");
    }

    @Test
    void controlEndpointsAnswerOnlyPost() {
        authorized().when().get("/toggle").then().statusCode(405);
        authorized().when().get("/switch-index?index=1").then().statusCode(405);

        assertThat(controls.drain()).isEmpty();
    }
}
