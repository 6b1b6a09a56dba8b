package dev.opensessions.adapters.websocket;

import dev.opensessions.testkit.RawWebSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

@QuarkusTest
class UpgradeCheckTest {

    @TestHTTPResource("/ws")
    URI http;

    private URI ws() {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }

    @Test
    void foreignOriginIsRefusedWith403() {
        Throwable failure = catchThrowable(() -> WsClient.connect(ws(), Map.of("Origin", "http://evil.example")));

        assertThat(failure).isInstanceOf(UncheckedIOException.class).cause()
                .isInstanceOfSatisfying(RawWebSocket.Refused.class, refused -> assertThat(refused.status()).isEqualTo(403));
    }

    @Test
    void ownLoopbackOriginIsAccepted() {
        String origin = "http://127.0.0.1:" + http.getPort();
        try (WsClient client = WsClient.connect(ws(), Map.of("Origin", origin))) {
            assertThat(client.frame(0).path("type").asText()).isEqualTo("hello");
        }
    }

    @Test
    void rebindingHostIsRefusedWith403() throws IOException {
        assertThat(upgradeStatus("evil.example:" + http.getPort())).isEqualTo(403);
        assertThat(upgradeStatus("127.0.0.1:" + (http.getPort() + 1))).isEqualTo(403);
    }

    @Test
    void anEmptyHostIsRefusedWith403LikeOverHttp() throws IOException {
        assertThat(upgradeStatus("")).isEqualTo(403);
        assertThat(upgradeStatus("   ")).isEqualTo(403);
    }

    @Test
    void loopbackHostWithOurPortIsUpgraded() throws IOException {
        assertThat(upgradeStatus("127.0.0.1:" + http.getPort())).isEqualTo(101);
    }

    /** The status of the answer to an upgrade request that carries this {@code Host} header. */
    private int upgradeStatus(String host) throws IOException {
        try (RawWebSocket socket = RawWebSocket.connect(ws(), Map.of("Host", host), Duration.ofSeconds(10))) {
            return 101;
        } catch (RawWebSocket.Refused refused) {
            return refused.status();
        }
    }
}
