package dev.opensessions.adapters.websocket;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletionException;

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

        assertThat(failure).isInstanceOf(CompletionException.class).cause().isInstanceOf(WebSocketHandshakeException.class);
        assertThat(((WebSocketHandshakeException) failure.getCause()).getResponse().statusCode()).isEqualTo(403);
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

    /** A raw upgrade request, because java.net.http does not let a client choose its Host header. */
    private int upgradeStatus(String host) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", http.getPort())) {
            socket.setSoTimeout(5_000);
            String request = "GET /ws HTTP/1.1\r\n"
                    + "Host: " + host + "\r\n"
                    + "Upgrade: websocket\r\n"
                    + "Connection: Upgrade\r\n"
                    + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\n\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String statusLine = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            return Integer.parseInt(statusLine.split(" ")[1]);
        }
    }
}
