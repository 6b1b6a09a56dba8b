package dev.opensessions.sidebar.runtime;

import dev.opensessions.application.security.ControlToken;
import dev.opensessions.application.testkit.Await;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.Key;
import dev.opensessions.sidebar.model.KeyKind;
import dev.opensessions.sidebar.model.MouseKind;
import dev.opensessions.sidebar.model.Msg;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

class PaneSessionTest {

    private static final int WIDTH = 30;
    private static final int HEIGHT = 8;

    private final CounterProgram program = new CounterProgram();
    private final FakeState state = new FakeState();
    private final List<Map.Entry<PaneId, Effect>> effects = new CopyOnWriteArrayList<>();
    private SidebarTerminalServer<CounterProgram.State> server;
    private PaneClient client;

    @BeforeEach
    void connectPane() {
        server = new SidebarTerminalServer<>(0, new ControlToken(PaneClient.TOKEN), program, state, state,
                (pane, effect, reply) -> effects.add(Map.entry(pane, effect)), Clock.systemUTC());
        client = PaneClient.pane(server.port(), "%7", WIDTH, HEIGHT);
        client.awaitRow(WIDTH, HEIGHT, 4, "size=30x8");
    }

    @AfterEach
    void close() {
        client.close();
        server.close();
    }

    @Test
    void theFirstFrameSetsUpTheTerminalAndPaintsInTrueColour() {
        TestScreen screen = client.screen(WIDTH, HEIGHT);
        assertThat(screen.row(0)).isEqualTo("pane=%7");
        assertThat(screen.row(1)).isEqualTo("keys=0");
        assertThat(List.of("?1049", "?1000", "?1002", "?1006")).allMatch(screen::mode);
        assertThat(client.text()).contains("\u001b[?25l").contains("38;2;255;136;0");
    }

    @Test
    void keysReachUpdateAsMessages() {
        client.send("\r\t\u001b[Z\u001b[A\u001b[B\u001b[C\u001b[D\u001b[1;3A\u001b[1;3D7x\u0001");
        client.awaitRow(WIDTH, HEIGHT, 1, "keys=12");
        assertThat(program.keys()).containsExactly(
                Key.of(KeyKind.ENTER), Key.of(KeyKind.TAB), new Key(KeyKind.BACK_TAB, 0, false, false, true),
                Key.of(KeyKind.UP), Key.of(KeyKind.DOWN), Key.of(KeyKind.RIGHT), Key.of(KeyKind.LEFT),
                new Key(KeyKind.UP, 0, false, true, false), new Key(KeyKind.LEFT, 0, false, true, false),
                Key.character('7'), Key.character('x'), Key.ctrl('a'));
        assertThat(client.screen(WIDTH, HEIGHT).row(2)).isEqualTo("last=C-a");
    }

    @Test
    void sequencesSplitAcrossWritesStillDecode() {
        for (String part : List.of("\u001b", "[1;", "3", "B", "\u001b[<0;", "3;4", "M")) {
            client.send(part);
        }
        client.awaitRow(WIDTH, HEIGHT, 2, "last=M-DOWN");
        Await.until(() -> program.received.contains(new Msg.Mouse(MouseKind.PRESS, 0, 2, 3)), Duration.ofSeconds(5), "click");
    }

    @Test
    void bytesSentToThePaneAskForAStatusReportAndAreHandledOnceItIsAnswered() {
        CompletableFuture<Void> handled = server.send(PaneId.of("%7"), "\u001b]9;hello\u0007".getBytes(StandardCharsets.UTF_8))
                .orElseThrow();
        Await.until(() -> client.text().contains("\u001b]9;hello\u0007\u001b[5n"), Duration.ofSeconds(5), "the bytes and the request");
        assertThat(handled).isNotDone();

        // What tmux answers into the pane's input; the shim copies it back.
        client.send("\u001b[0n");
        Await.until(handled::isDone, Duration.ofSeconds(5), "handled once answered");
        assertThat(program.keys()).isEmpty();
    }

    @Test
    void aWriteNobodyWillAnswerIsHandledWhenThePaneCloses() {
        CompletableFuture<Void> handled = server.send(PaneId.of("%7"), "x".getBytes(StandardCharsets.UTF_8)).orElseThrow();
        client.close();
        Await.until(handled::isDone, Duration.ofSeconds(5), "handled once the pane is gone");
        assertThat(server.send(PaneId.of("%8"), "x".getBytes(StandardCharsets.UTF_8))).isEmpty();
    }

    @Test
    void aLoneEscapeIsTheEscapeKey() {
        client.send("\u001b");
        client.awaitRow(WIDTH, HEIGHT, 2, "last=ESCAPE");
    }

    @Test
    void aOneCellChangeWritesFarFewerBytesThanTheFirstFrame() {
        int firstFrame = client.count();
        client.send("x");
        client.awaitRow(WIDTH, HEIGHT, 2, "last=x");
        int before = client.count();
        client.send("x");
        client.awaitRow(WIDTH, HEIGHT, 1, "keys=2");
        int oneCell = client.count() - before;
        assertThat(oneCell).isLessThan(firstFrame / 4).isLessThan(32);
    }

    @Test
    void anIdlePaneWritesNothing() {
        int before = client.count();
        state.advance();
        Await.until(() -> program.received.stream().anyMatch(m -> m instanceof Msg.Snapshot s && s.snapshot().version() == 1),
                Duration.ofSeconds(5), "snapshot delivered");
        long end = System.nanoTime() + Duration.ofMillis(500).toNanos();
        while (System.nanoTime() < end) {
            assertThat(client.count()).isEqualTo(before);
            LockSupport.parkNanos(5_000_000);
        }
        assertThat(program.received).noneMatch(Msg.Tick.class::isInstance);
    }

    @Test
    void ticksFlowOnlyWhileAnimating() {
        client.send("a");
        client.awaitRow(WIDTH, HEIGHT, 3, "ticks=3");
        client.send("a");
        Await.until(() -> program.received.getLast() instanceof Msg.KeyPressed, Duration.ofSeconds(5), "animation stopped");
        long ticks = program.received.stream().filter(Msg.Tick.class::isInstance).count();
        long end = System.nanoTime() + Duration.ofMillis(400).toNanos();
        while (System.nanoTime() < end) {
            assertThat(program.received.stream().filter(Msg.Tick.class::isInstance).count()).isEqualTo(ticks);
            LockSupport.parkNanos(5_000_000);
        }
    }

    @Test
    void resizeRerendersAtTheNewSize() {
        server.resize(PaneId.of("%7"), 40, 12);
        client.awaitRow(40, 12, 4, "size=40x12");
        assertThat(client.screen(40, 12).row(0)).isEqualTo("pane=%7");
        assertThat(program.received).contains(new Msg.Resized(40, 12));
    }

    @Test
    void ctrlCClosesThePaneAndGivesTheTerminalBack() {
        client.send("\u0003");
        client.awaitEnd();
        TestScreen screen = client.screen(WIDTH, HEIGHT);
        assertThat(screen.mode("?1049")).isFalse();
        assertThat(screen.mode("?1000")).isFalse();
        assertThat(client.text()).endsWith("\u001b[?25h\u001b[?1049l");
        Await.until(() -> server.panes().isEmpty() && state.watcherCount() == 0, Duration.ofSeconds(5), "pane forgotten");
        assertThat(effects).isEmpty();
    }

    @Test
    void effectsReachTheHandlerWithTheirPane() {
        client.send("sq");
        Await.until(() -> effects.size() == 2, Duration.ofSeconds(5), "two effects");
        assertThat(effects).containsExactly(
                Map.entry(PaneId.of("%7"), new Effect.SwitchSession(SessionName.of("work"))),
                Map.entry(PaneId.of("%7"), new Effect.QuitServer()));
        assertThat(client.ended()).isFalse();
    }

    @Test
    void messagesQueuedWhileThePaneIsBusyAreDrawnAsOneFrame() {
        int views = program.views.get();
        client.send("b");
        Await.until(() -> program.keys().contains(Key.character('b')), Duration.ofSeconds(5), "loop held");
        for (int width = 31; width <= 50; width++) {
            server.resize(PaneId.of("%7"), width, HEIGHT);
        }
        program.gate.countDown();
        client.awaitRow(50, HEIGHT, 4, "size=50x8");
        assertThat(program.received.stream().filter(Msg.Resized.class::isInstance)).hasSize(20);
        assertThat(program.views.get() - views).isEqualTo(1);
    }

    @Test
    void anUpdateThatKeepsTheStateDrawsNoFrame() {
        int views = program.views.get();
        int bytes = client.count();
        state.advance();
        client.send("x");
        client.awaitRow(WIDTH, HEIGHT, 2, "last=x");
        assertThat(program.received).anyMatch(Msg.Snapshot.class::isInstance);
        assertThat(program.views.get() - views).isEqualTo(1);
        assertThat(client.count()).isGreaterThan(bytes);
    }

    @Test
    void aStreamOfStatesReachesTheProgramAtMostOnceADisplayFrameAndEndsOnTheNewest() {
        long start = System.nanoTime();
        // A change every half millisecond, as a burst of agent events brings them: 400 states in 200 ms or more.
        for (int i = 0; i < 400; i++) {
            state.advance();
            LockSupport.parkNanos(500_000);
        }
        long frames = (System.nanoTime() - start) / PaneSession.SNAPSHOT_INTERVAL_NANOS;
        Await.until(() -> program.received.stream().anyMatch(m -> m instanceof Msg.Snapshot s && s.snapshot().version() == 400),
                Duration.ofSeconds(5), "newest snapshot");
        // Each snapshot handed over is a view the real sidebar draws; unpaced, nearly all 400 would be.
        assertThat(program.received.stream().filter(Msg.Snapshot.class::isInstance).count()).isBetween(1L, frames + 2);
    }

    @Test
    void aBurstOfStatesReachesTheProgramAtTheBurstPace() {
        // Ten states at a time, so that however slowly this thread runs every state handed over is far more than
        // the burst threshold newer than the one before it.
        // Half a second of them at least: several burst intervals.
        for (int i = 0; i < 100; i++) {
            for (int j = 0; j < 10; j++) {
                state.advance();
            }
            LockSupport.parkNanos(5_000_000);
        }
        Await.until(() -> program.received.stream().anyMatch(m -> m instanceof Msg.Snapshot s && s.snapshot().version() == 1000),
                Duration.ofSeconds(5), "newest snapshot");
        // After a state handed over in a burst, the next comes no sooner than the burst pace allows (at the display
        // frame's pace it would come after 16 ms). The time is taken inside update, a little after the pane set its
        // next due time, hence the margin.
        List<long[]> handed = program.snapshotsAt;
        long margin = TimeUnit.MILLISECONDS.toNanos(15);
        int paced = 0;
        for (int i = 1; i + 1 < handed.size(); i++) {
            if (handed.get(i)[1] - handed.get(i - 1)[1] > PaneSession.BURST_SNAPSHOTS) {
                assertThat(handed.get(i + 1)[0] - handed.get(i)[0])
                        .as("time from state %d to state %d", handed.get(i)[1], handed.get(i + 1)[1])
                        .isGreaterThanOrEqualTo(PaneSession.BURST_INTERVAL_NANOS - margin);
                paced++;
            }
        }
        assertThat(paced).as("states handed over in a burst").isPositive();
    }

    @Test
    void snapshotsReachUpdateNewerEachTimeAndTheNewestLast() {
        for (int i = 0; i < 200; i++) {
            state.advance();
        }
        Await.until(() -> program.received.stream().anyMatch(m -> m instanceof Msg.Snapshot s && s.snapshot().version() == 200),
                Duration.ofSeconds(5), "newest snapshot");
        List<Long> versions = program.received.stream().filter(Msg.Snapshot.class::isInstance)
                .map(m -> ((Msg.Snapshot) m).snapshot().version()).toList();
        assertThat(versions).isSorted().doesNotHaveDuplicates().endsWith(200L);
    }
}
