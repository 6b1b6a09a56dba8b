package dev.opensessions.adapters.http;

import dev.opensessions.application.testkit.FakeServerLifecycle;
import dev.opensessions.protocol.ProtocolVersion;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ServerInfoResourceTest {

    @Inject
    FakeServerLifecycle lifecycle;

    @Test
    void rootNamesTheServerByAHashOfItsTokenThatRevealsNothing() throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(TestComposition.TOKEN.value().getBytes(StandardCharsets.UTF_8));
        String identity = HexFormat.of().formatHex(digest).substring(0, 16);

        String body = given().when().get("/").then()
                .statusCode(200)
                .contentType(startsWith("text/plain"))
                .extract().asString();

        assertThat(body).isEqualTo("opensessions server " + identity).doesNotContain(TestComposition.TOKEN.value());
    }

    @Test
    void versionAnswersTheProtocolLine() {
        given().when().get("/version").then()
                .statusCode(200)
                .body(equalTo(ProtocolVersion.VERSION_LINE));
    }

    @Test
    void unknownPathIsNotFound() {
        given().when().get("/no/such/thing").then().statusCode(404).body(equalTo("not found"));
        given().contentType("application/json").body("{}").when().post("/nope").then()
                .statusCode(404).body(equalTo("not found"));
    }

    @Test
    void wrongMethodOnAKnownRouteIsNotAllowed() {
        given().when().get("/set-status").then().statusCode(405);
        given().when().get("/api/agent-event").then().statusCode(405);
        given().contentType("application/json").body("{}").when().post("/api/state").then().statusCode(405);
        given().when().delete("/version").then().statusCode(405);
    }

    @Test
    void quitNeedsTheControlToken() {
        int before = lifecycle.exits();

        given().when().post("/quit").then().statusCode(401).body(equalTo("unauthorized"));
        given().header("Authorization", "Bearer " + "0".repeat(48)).when().post("/quit").then()
                .statusCode(401).body(equalTo("unauthorized"));
        given().header("Authorization", TestComposition.TOKEN.value()).when().post("/quit").then()
                .statusCode(401);
        assertThat(lifecycle.exits()).isEqualTo(before);

        given().header("Authorization", "Bearer " + TestComposition.TOKEN.value()).when().post("/quit").then()
                .statusCode(200).body(equalTo("ok"));
        assertThat(lifecycle.exits()).isEqualTo(1);

        // Quitting again is harmless and does not ask the process to exit twice.
        given().header("Authorization", "Bearer " + TestComposition.TOKEN.value()).when().post("/quit").then()
                .statusCode(200).body(equalTo("ok"));
        assertThat(lifecycle.exits()).isEqualTo(1);
    }

    @Test
    void noContentAnswersHaveNoBody() {
        given().contentType("application/json").body("{\"session\":\"info-empty\"}").when().post("/clear-log").then()
                .statusCode(204).body(emptyString());
    }
}
