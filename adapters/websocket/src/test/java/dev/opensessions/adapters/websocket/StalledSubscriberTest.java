package dev.opensessions.adapters.websocket;

import dev.opensessions.application.port.in.GetStateUseCase;
import dev.opensessions.application.port.in.SetStatusUseCase;
import dev.opensessions.application.testkit.Await;
import dev.opensessions.application.testkit.FakeSessionSource;
import dev.opensessions.domain.metadata.Tone;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.testkit.RawWebSocket;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscriber that stops reading, with a small receive buffer, while the state keeps changing: once the socket
 * buffers are full its frame's write never completes, and the send deadline (short here) lets it go, while a
 * subscriber that reads keeps getting every state.
 */
@QuarkusTest
@TestProfile(StalledSubscriberTest.ShortSendDeadline.class)
class StalledSubscriberTest {

    /**
     * The deadline under test; the server's own is 30 s. Long enough that the reading subscriber, starved of CPU on
     * a loaded machine, is not taken for a stalled one: it would have to miss about 10 s of frames (its buffers
     * hold several MB, at about 2 MB/s) before its writes stall at all.
     */
    public static final class ShortSendDeadline implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("opensessions.websocket.send-deadline", "5s");
        }
    }

    private static final Duration HANDSHAKE = Duration.ofSeconds(30);
    /** Far above the deadline plus the time a loaded machine needs to fill the socket buffers. */
    private static final Duration STALL_LIMIT = Duration.ofSeconds(60);

    @TestHTTPResource("/ws")
    URI http;
    @Inject
    FakeSessionSource mux;
    @Inject
    SetStatusUseCase status;
    @Inject
    GetStateUseCase state;
    @Inject
    CountingWatch watch;
    @Inject
    StateWebSocket endpoint;

    @Test
    void aSubscriberThatStopsReadingIsClosedAndOneThatReadsKeepsGettingStates() throws IOException {
        // States of about 40 KiB, so a few unread frames fill the stalled client's socket buffers.
        List<String> sessions = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            sessions.add("big-" + i);
            sessions.add("/tmp/" + "d".repeat(100) + "/" + i);
        }
        mux.pushSessions(sessions.toArray(String[]::new));
        Await.until(() -> watch.open() == 0, Await.DEFAULT, "earlier clients gone");
        SessionName changing = SessionName.of("big-0");

        try (WsClient reader = WsClient.connect(ws());
             RawWebSocket stalled = RawWebSocket.request(ws(), Map.of(), HANDSHAKE, 4096)) {
            stalled.awaitUpgrade(HANDSHAKE);
            Await.until(() -> watch.open() == 2, Await.DEFAULT, "both subscribed");

            long until = System.nanoTime() + STALL_LIMIT.toNanos();
            for (int i = 0; watch.open() == 2 && System.nanoTime() - until < 0; i++) {
                status.setStatus(changing, "tick " + i, Tone.INFO);
                LockSupport.parkNanos(2_000_000);
            }

            assertThat(watch.open()).as("the subscriber that stopped reading was let go").isEqualTo(1);
            status.setStatus(changing, "after the stall", Tone.INFO);
            long last = state.current().version();
            assertThat(reader.awaitState(last).path("metadata").path("big-0").path("status").path("text").asText())
                    .isEqualTo("after the stall");
            assertThat(reader.closedByServer()).isFalse();
            // It reads nothing, so not even the close frame goes out: its TCP connection is dropped.
            Await.until(() -> endpoint.droppedConnections() == 1, STALL_LIMIT, "the stalled connection dropped");
            assertThat(endOf(stalled)).isIn("close 1008 " + StateWebSocket.STALLED, "end of stream");
        }
    }

    /** Reads the stalled client at last, to the end of its stream: the close frame if it got out, else the hang-up. */
    private static String endOf(RawWebSocket client) throws IOException {
        while (true) {
            try {
                if (client.receive(Await.DEFAULT) instanceof RawWebSocket.Message.Close close) {
                    return "close " + close.code() + " " + close.reason();
                }
            } catch (EOFException | SocketException gone) {
                return "end of stream";
            }
        }
    }

    private URI ws() {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }
}
