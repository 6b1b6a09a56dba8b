package dev.opensessions.adapters.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opensessions.application.port.in.GetStateUseCase;
import dev.opensessions.application.port.in.SetStatusUseCase;
import dev.opensessions.application.testkit.Await;
import dev.opensessions.application.testkit.FakeSessionSource;
import dev.opensessions.domain.metadata.Tone;
import dev.opensessions.domain.session.SessionName;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class StateWebSocketTest {

    @TestHTTPResource("/ws")
    URI http;
    @Inject
    FakeSessionSource mux;
    @Inject
    GetStateUseCase state;
    @Inject
    SetStatusUseCase status;
    @Inject
    CountingWatch watch;
    @Inject
    SnapshotJson json;
    @Inject
    QuitOnShutdown quit;

    private URI ws() {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }

    @Test
    void helloIsTheFirstFrameAndTheFullStateTheSecond() {
        mux.pushSessions("hello-a", "/tmp/a", "hello-b", "/tmp/b");
        long version = state.current().version();
        try (WsClient client = WsClient.connect(ws())) {
            JsonNode hello = client.frame(0);
            assertThat(hello.path("type").asText()).isEqualTo("hello");
            assertThat(hello.path("protocol").asInt()).isEqualTo(1);
            JsonNode first = client.frame(1);
            assertThat(first.path("type").asText()).isEqualTo("state");
            assertThat(first.path("state").path("version").asLong()).isGreaterThanOrEqualTo(version);
            assertThat(first.path("state").path("sessions").findValuesAsText("name")).containsExactly("hello-a", "hello-b");
        }
    }

    @Test
    void changeMadeAfterConnectingArrives() {
        try (WsClient client = WsClient.connect(ws())) {
            client.frame(1);
            status.setStatus(SessionName.of("arrives"), "building", Tone.INFO);
            client.await("status pill", f -> "building".equals(
                    f.path("state").path("metadata").path("arrives").path("status").path("text").asText()));
        }
    }

    @Test
    void burstOfChangesEndsOnTheFinalStateWithIncreasingVersionsAndFewFrames() throws Exception {
        SessionName name = SessionName.of("burst");
        try (WsClient client = WsClient.connect(ws())) {
            client.frame(1);
            ExecutorService writers = Executors.newFixedThreadPool(2);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                int writer = t;
                done.add(writers.submit(() -> {
                    for (int i = 0; i < 5_000; i++) {
                        status.setStatus(name, "w" + writer + "-" + i, Tone.INFO);
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
            writers.shutdown();
            long finalVersion = state.current().version();
            String finalText = state.current().metadataOf(name).status().text();

            JsonNode last = client.awaitState(finalVersion);
            assertThat(last.path("version").asLong()).isEqualTo(finalVersion);
            assertThat(last.path("metadata").path("burst").path("status").path("text").asText()).isEqualTo(finalText);
            List<Long> versions = client.states().stream().map(s -> s.path("version").asLong()).toList();
            for (int i = 1; i < versions.size(); i++) {
                assertThat(versions.get(i)).as("frame %d after %s", i, versions.get(i - 1)).isGreaterThan(versions.get(i - 1));
            }
            assertThat(versions).hasSizeLessThan(1_000);
        }
    }

    @Test
    void closingTheClientUnsubscribes() {
        Await.until(() -> watch.open() == 0, Await.DEFAULT, "earlier clients gone");
        WsClient client = WsClient.connect(ws());
        client.frame(1);
        assertThat(watch.open()).isEqualTo(1);
        client.close();
        Await.until(() -> watch.open() == 0, Await.DEFAULT, "unsubscribed after close");
    }

    @Test
    void droppedConnectionUnsubscribes() {
        Await.until(() -> watch.open() == 0, Await.DEFAULT, "earlier clients gone");
        WsClient client = WsClient.connect(ws());
        client.frame(1);
        client.abort();
        Await.until(() -> watch.open() == 0, Await.DEFAULT, "unsubscribed after a dropped connection");
    }

    @Test
    void oneSerializationPerVersionWhateverTheNumberOfClients() {
        List<WsClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < 5; i++) {
                clients.add(WsClient.connect(ws()));
            }
            long before = state.current().version();
            clients.forEach(c -> c.awaitState(before));
            long serialized = json.serializations();
            status.setStatus(SessionName.of("shared"), "once", Tone.INFO);
            clients.forEach(c -> c.awaitState(before + 1));
            assertThat(json.serializations() - serialized).isEqualTo(1);
        } finally {
            clients.forEach(WsClient::close);
        }
    }

    @Test
    void shutdownSendsQuitAndCloses() {
        WsClient client = WsClient.connect(ws());
        client.frame(1);
        quit.quitAll();
        client.await("quit", f -> "quit".equals(f.path("type").asText()));
        Await.until(client::closedByServer, Await.DEFAULT, "closed by the server");
        client.abort();
    }
}
