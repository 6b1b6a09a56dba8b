package dev.opensessions.sidebar.runtime;

import dev.opensessions.application.security.ControlToken;
import dev.opensessions.application.testkit.Await;
import dev.opensessions.domain.session.PaneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

class SidebarTerminalServerTest {

    private final CounterProgram program = new CounterProgram();
    private final FakeState state = new FakeState();
    private final List<PaneId> identified = new CopyOnWriteArrayList<>();
    /** What tmux would answer for a pane whose shim leaves its size to the server. */
    private final Map<PaneId, PaneSizes.Size> tmuxSizes = Map.of(PaneId.of("%8"), new PaneSizes.Size(24, 7));
    private SidebarTerminalServer<CounterProgram.State> server;

    @BeforeEach
    void startServer() {
        server = new SidebarTerminalServer<>(0, new ControlToken(PaneClient.TOKEN), program, state, state,
                (pane, effect, reply) -> { }, Clock.systemUTC(), identified::add,
                pane -> Optional.ofNullable(tmuxSizes.get(pane)));
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    @Test
    void listensOnAnEphemeralLoopbackPort() {
        assertThat(server.port()).isPositive();
    }

    @Test
    void aValidHandshakeStartsASessionForThatPane() {
        try (PaneClient client = PaneClient.pane(server.port(), "%3", 20, 6)) {
            client.awaitRow(20, 6, 0, "pane=%3");
            assertThat(server.panes()).containsExactly(PaneId.of("%3"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "opensessions-pane 1 wrong-token-wrong-token-wrong-token-wrong %1 20 6",
        "opensessions-pane 1 TOKEN pane1 20 6",
        "opensessions-pane 1 TOKEN %1 0 6",
        "opensessions-pane 1 TOKEN %1 20 1001",
        "opensessions-pane 1 TOKEN %1 -3 6",
        "opensessions-pane 2 TOKEN %1 20 6",
        "opensessions-sidebar 1 TOKEN %1 20 6",
        "opensessions-pane 1 TOKEN %1 20 6 extra",
        "opensessions-pane 1 TOKEN %1 20",
        "opensessions-pane 1 TOKEN %1 - 6",
        "opensessions-pane 1 TOKEN %8 - - popup",
        "GET / HTTP/1.1",
        ""
    })
    void aBadHandshakeIsClosedWithoutAByte(String line) {
        try (PaneClient client = PaneClient.connect(server.port())) {
            client.send(line.replace("TOKEN", PaneClient.TOKEN) + "\n");
            client.awaitEnd();
            assertThat(client.count()).isZero();
            assertThat(server.panes()).isEmpty();
            assertThat(program.received).isEmpty();
        }
    }

    @Test
    void aPaneThatLeavesItsSizeToTheServerIsDrawnAtTheSizeTmuxGives() {
        try (PaneClient client = PaneClient.connect(server.port())) {
            client.send("opensessions-pane 1 " + PaneClient.TOKEN + " %8 - -\n");
            client.awaitRow(24, 7, 4, "size=24x7");
            assertThat(server.panes()).containsExactly(PaneId.of("%8"));
        }
    }

    @Test
    void aPaneThatLeavesItsSizeToTheServerButTmuxDoesNotKnowIsClosedWithoutAByte() {
        try (PaneClient client = PaneClient.connect(server.port())) {
            client.send("opensessions-pane 1 " + PaneClient.TOKEN + " %9 - -\n");
            client.awaitEnd();
            assertThat(client.count()).isZero();
            assertThat(server.panes()).isEmpty();
        }
    }

    @Test
    void anEndlessLineIsClosedWithoutAByte() {
        try (PaneClient client = PaneClient.connect(server.port())) {
            client.send("x".repeat(10_000));
            client.awaitEnd();
            assertThat(client.count()).isZero();
        }
    }

    @Test
    void silenceIsClosedAfterTwoSecondsWithoutAByte() {
        long start = System.nanoTime();
        try (PaneClient client = PaneClient.connect(server.port())) {
            client.send("opensessions-pane 1 ");
            Await.until(client::ended, Duration.ofSeconds(4), "silent connection closed");
            Duration waited = Duration.ofNanos(System.nanoTime() - start);
            assertThat(waited).isBetween(Duration.ofMillis(1900), Duration.ofMillis(3500));
            assertThat(client.count()).isZero();
        }
    }

    @Test
    void aDockedPaneIsIdentifiedOnceItsFirstFrameIsOut() {
        try (PaneClient client = PaneClient.pane(server.port(), "%6", 20, 6)) {
            client.awaitRow(20, 6, 0, "pane=%6");
            Await.until(() -> identified.contains(PaneId.of("%6")), Duration.ofSeconds(5), "pane identified");
        }
    }

    @Test
    void aPopupIsDrawnButNeitherTrackedAsAPaneNorIdentified() {
        try (PaneClient docked = PaneClient.pane(server.port(), "%7", 20, 6);
             PaneClient popup = PaneClient.connect(server.port())) {
            docked.awaitRow(20, 6, 0, "pane=%7");
            popup.send("opensessions-pane 1 " + PaneClient.TOKEN + " %7 30 8 popup\n");
            popup.awaitRow(30, 8, 0, "pane=%7");

            assertThat(server.panes()).containsExactly(PaneId.of("%7"));
            assertThat(identified).containsExactly(PaneId.of("%7"));
            assertThat(docked.ended()).as("the docked pane keeps its connection").isFalse();
        }
    }

    @Test
    void aReconnectingPaneReplacesItsOldConnection() {
        try (PaneClient first = PaneClient.pane(server.port(), "%4", 20, 6)) {
            // The first connection must be served before the second arrives, or either could win.
            first.awaitRow(20, 6, 0, "pane=%4");
            try (PaneClient second = PaneClient.pane(server.port(), "%4", 20, 6)) {
                first.awaitEnd();
                second.awaitRow(20, 6, 0, "pane=%4");
                assertThat(server.panes()).containsExactly(PaneId.of("%4"));
            }
        }
    }

    @Test
    void aPaneWhoseShimLeavesIsForgottenAndUnsubscribed() {
        PaneClient client = PaneClient.pane(server.port(), "%5", 20, 6);
        client.awaitRow(20, 6, 0, "pane=%5");
        // The pane subscribes right after its first frame is written.
        Await.until(() -> state.watcherCount() == 1, Duration.ofSeconds(5), "pane subscribed");
        client.close();
        Await.until(() -> server.panes().isEmpty() && state.watcherCount() == 0, Duration.ofSeconds(5), "pane forgotten");
    }

    @Test
    void closingTheServerClosesEveryPane() {
        try (PaneClient one = PaneClient.pane(server.port(), "%1", 20, 6);
             PaneClient two = PaneClient.pane(server.port(), "%2", 20, 6)) {
            one.awaitRow(20, 6, 0, "pane=%1");
            two.awaitRow(20, 6, 0, "pane=%2");
            assertThat(server.panes()).isEqualTo(Set.of(PaneId.of("%1"), PaneId.of("%2")));
            server.close();
            one.awaitEnd();
            two.awaitEnd();
            assertThat(state.watcherCount()).isZero();
        }
    }
}
