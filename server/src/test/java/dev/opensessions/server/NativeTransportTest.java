package dev.opensessions.server;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Netty's native epoll transport, turned on by hand (it is off by default: docs/adr/0042): its library is in the
 * package and loads on Linux x86-64, and the agent-event path answers over it as over the JDK's selector.
 */
@QuarkusTest
@TestProfile(NativeTransportTest.NativeTransport.class)
class NativeTransportTest {

    public static final class NativeTransport implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.vertx.prefer-native-transport", "true",
                    "opensessions.runtime-dir", Path.of("target/test-native-transport").toAbsolutePath().toString());
        }
    }

    @Inject
    Vertx vertx;

    @Test
    void onLinuxX86TheSocketsRunOnNettysEpollAndAnAgentEventIsAnswered() {
        assumeTrue(System.getProperty("os.name").equals("Linux") && System.getProperty("os.arch").equals("amd64"),
                "the native library is packaged for Linux x86-64 only");

        assertThat(vertx.isNativeTransportEnabled())
                .as("native transport unavailable: %s", vertx.unavailableNativeTransportCause())
                .isTrue();
        given().contentType("application/json")
                .body("{\"agent\":\"codex\",\"status\":\"done\",\"threadId\":\"t1\",\"tmuxSession\":\"no-such-session\"}")
                .post("/api/agent-event").then().statusCode(202);
    }
}
