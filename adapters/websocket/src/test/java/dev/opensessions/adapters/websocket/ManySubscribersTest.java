package dev.opensessions.adapters.websocket;

import dev.opensessions.application.port.in.GetStateUseCase;
import dev.opensessions.application.port.in.SetStatusUseCase;
import dev.opensessions.application.testkit.Await;
import dev.opensessions.domain.metadata.Tone;
import dev.opensessions.domain.session.SessionName;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A crowd of subscribers opening at once, as bench/run.sh does with 100: with nothing changing,
 * each must get hello and then the current state on its own; with the state changing while they open, each
 * must end on the last state. A frame lost on the way shows as a subscriber left behind.
 */
@QuarkusTest
class ManySubscribersTest {

    private static final int SUBSCRIBERS = 100;
    /** The bench's own deadline for the first state of all of them. */
    private static final Duration DEADLINE = Duration.ofSeconds(30);

    @TestHTTPResource("/ws")
    URI http;
    @Inject
    SetStatusUseCase status;
    @Inject
    GetStateUseCase state;

    @Test
    void crowdOpeningWhileNothingChangesGetsHelloThenTheCurrentState() {
        status.setStatus(SessionName.of("quiet"), "before the crowd", Tone.INFO);
        long current = state.current().version();
        List<WsClient> clients = WsClient.connectAll(ws(), SUBSCRIBERS);
        try {
            // No change follows, so a first state that was not sent is never made up for by a later one.
            awaitAll(clients, "hello and a first state", c -> c.frames().size() >= 2);
            for (WsClient client : clients) {
                assertThat(client.closedByServer()).as("closed by the server").isFalse();
                assertThat(client.frames()).extracting(f -> f.path("type").asText()).containsExactly("hello", "state");
                assertThat(client.states().getFirst().path("version").asLong()).isEqualTo(current);
            }
        } finally {
            clients.forEach(WsClient::close);
        }
    }

    @Test
    void crowdOpeningWhileTheStateChangesEndsOnTheLastState() throws Exception {
        SessionName name = SessionName.of("busy");
        AtomicBoolean opening = new AtomicBoolean(true);
        Thread writer = Thread.ofPlatform().name("crowd-writer").start(() -> {
            for (int i = 0; opening.get(); i++) {
                status.setStatus(name, "opening " + i, Tone.INFO);
                // About a thousand changes a second: far above the frame rate, without taking a whole core.
                LockSupport.parkNanos(1_000_000);
            }
        });
        List<WsClient> clients = List.of();
        try {
            clients = WsClient.connectAll(ws(), SUBSCRIBERS);
        } finally {
            opening.set(false);
            writer.join();
        }
        try {
            status.setStatus(name, "settled", Tone.INFO);
            long last = state.current().version();
            awaitAll(clients, "the last state", c -> !c.states().isEmpty()
                    && c.states().getLast().path("version").asLong() == last);
            for (WsClient client : clients) {
                assertThat(client.closedByServer()).as("closed by the server").isFalse();
                assertThat(client.frames().getFirst().path("type").asText()).isEqualTo("hello");
                assertThat(client.states().getLast().path("metadata").path("busy").path("status").path("text").asText())
                        .isEqualTo("settled");
            }
        } finally {
            clients.forEach(WsClient::close);
        }
    }

    private URI ws() {
        return URI.create(http.toString().replaceFirst("^http", "ws"));
    }

    /** Waits until every client has what it should, and says how many do not when the deadline passes. */
    private static void awaitAll(List<WsClient> clients, String what, Predicate<WsClient> has) {
        try {
            Await.until(() -> clients.stream().allMatch(has), DEADLINE, what + " for all " + clients.size());
        } catch (AssertionError late) {
            long behind = clients.stream().filter(has.negate()).count();
            throw new AssertionError(behind + " of " + clients.size() + " subscribers still without " + what, late);
        }
    }
}
