package dev.opensessions.sidebar.runtime;

import dev.opensessions.application.port.in.WatchStateUseCase;
import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.application.state.Subscription;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.Step;
import dev.opensessions.sidebar.view.Grid;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Runs one sidebar program for one connected pane: input bytes become messages, every message goes
 * through update on the session's own thread (never two at once), and only the changed cells are written
 * back. Messages that queued up while the pane was busy are all updated before one frame is drawn, and an
 * update that leaves the state as it was draws none, so a burst of changes costs one view, not one each;
 * new states are drawn at most once a display frame, and at most 20 times a second while a burst of them lasts.
 * An idle pane blocks on its mailbox and writes nothing; ticks flow only while the program animates.
 */
public final class PaneSession<S> implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(PaneSession.class.getName());
    /** The spinner's frame period (its update derives the frame from the tick's time in these periods). */
    private static final long TICK_MILLIS = 120;
    /** How long a lone ESC waits for the rest of a sequence before it counts as the Escape key. */
    private static final int ESCAPE_WAIT_MILLIS = 40;
    /** Marks "a newer snapshot is waiting in pendingSnapshot"; compared by identity, never shown to the program. */
    private static final Msg SNAPSHOT_READY = new Msg.Tick(Instant.EPOCH);
    /** Asks the terminal for a status report; tmux answers {@code ESC [ 0 n} into the pane's input. */
    private static final byte[] STATUS_REQUEST = "\u001b[5n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    /** Marks "bytes wait in {@link #outbound}"; compared by identity, never shown to the program. */
    private static final Msg OUTBOUND_READY = new Msg.Tick(Instant.EPOCH);
    /** Bytes queued for the pane at most; more are dropped (a notification is not worth a pane's memory). */
    static final int OUTBOUND_LIMIT = 16;
    /** At most this many queued messages are updated before a frame is drawn, so a flood still shows progress. */
    private static final int BATCH = 64;
    /**
     * A new state is drawn at most this often (a 60 Hz display's frame): a lone change is drawn at once, but in
     * a burst of agent events every pane would otherwise redraw without pause, which took a fifth of the
     * server's CPU (docs/explanation/performance.md). A longer interval (50 ms) was tried: the events' rate did
     * not move and a push reached the screen later (p50 43 ms instead of 16 ms).
     */
    static final long SNAPSHOT_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(16);
    /**
     * While a burst lasts (the state handed to the program is more than {@link #BURST_SNAPSHOTS} versions newer than
     * the one before it: over 250 changes a second at the display frame; the states reach a pane already coalesced,
     * so their versions tell how many changes each carries), the next state is drawn only after this longer
     * interval: ten panes redrawing 60 times a second took a quarter of the server's CPU in a burst of agent
     * events, and at 20 times a second (50 ms) still 23 us of the server's CPU and 3.1 KiB of allocation per event;
     * at 10 times a second a burst still moves on screen, and the panes took 17 us and 1.5 KiB (measured side by
     * side, docs/explanation/performance.md, "GC and the sidebars"). A lone change, and a change every few frames
     * such as pushes, still get the display frame above:
     * pacing every frame at 50 ms made a push reach the screen at p50 43 ms instead of 16 ms.
     */
    static final long BURST_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    /** More versions than this between two states handed to the program mark a burst (see {@link #BURST_INTERVAL_NANOS}). */
    static final int BURST_SNAPSHOTS = 4;

    private final PaneProgram<S> program;
    private final PaneId pane;
    private final Socket socket;
    private final EffectHandler effects;
    private final Clock clock;
    private final Consumer<PaneSession<S>> onClosed;
    private final Consumer<Msg.PeerFocus> peers;
    private final boolean popup;
    private final FrameRenderer renderer = new FrameRenderer();
    private final BlockingQueue<Msg> mailbox = new LinkedBlockingQueue<>();
    /**
     * The newest snapshot not yet handed to the program. Snapshots are latest-wins: the mailbox holds at
     * most one {@link #SNAPSHOT_READY} marker, so a pane busy writing never works through stale states.
     */
    private final AtomicReference<StateSnapshot> pendingSnapshot = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Bytes from outside the program, written by the loop between two frames. */
    private final java.util.Queue<byte[]> outbound = new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** The writers of {@link #outbound} bytes waiting for tmux's answer to the request behind them, oldest first. */
    private final java.util.Queue<CompletableFuture<Void>> reports = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private volatile Subscription subscription;
    private volatile Thread loop;
    private S state;
    /** The state last drawn and its frame; read and written by the session's thread only (after the first). */
    private S shown;
    private Grid shownFrame;
    /** {@link System#nanoTime()} before which a newer snapshot waits, set when one is handed to the program. */
    private volatile long snapshotDue;
    /** The version of the last state handed to the program; read and written by the session's thread only. */
    private long handedVersion;

    PaneSession(PaneProgram<S> program, PaneId pane, boolean popup, Socket socket, EffectHandler effects, Clock clock,
                Consumer<Msg.PeerFocus> peers, Consumer<PaneSession<S>> onClosed) {
        this.popup = popup;
        this.peers = Objects.requireNonNull(peers, "peers");
        this.program = Objects.requireNonNull(program, "program");
        this.pane = Objects.requireNonNull(pane, "pane");
        this.socket = Objects.requireNonNull(socket, "socket");
        this.effects = Objects.requireNonNull(effects, "effects");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.onClosed = Objects.requireNonNull(onClosed, "onClosed");
    }

    public PaneId pane() {
        return pane;
    }

    /** True for a {@code display-popup} sidebar, false for a docked pane. */
    public boolean popup() {
        return popup;
    }

    /** Queues a message from outside the pane (another pane's focus); the pane's loop handles it in order. */
    public void post(Msg msg) {
        mailbox.offer(Objects.requireNonNull(msg, "msg"));
    }

    public boolean isOpen() {
        return !closed.get();
    }

    /**
     * Queues bytes to write to the pane between two frames, followed by a status report request
     * ({@code ESC [ 5 n}); dropped when many are waiting already. tmux reads a pane's output in order and
     * answers the request into the pane's input ({@code ESC [ 0 n}), so the answer means tmux has acted on
     * the bytes before it: the returned future completes then, or at once when the bytes were dropped, or
     * when the pane closes.
     */
    public synchronized CompletableFuture<Void> send(byte[] bytes) {
        if (outbound.size() >= OUTBOUND_LIMIT || !isOpen()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> handled = new CompletableFuture<>();
        byte[] asked = Arrays.copyOf(bytes, bytes.length + STATUS_REQUEST.length);
        System.arraycopy(STATUS_REQUEST, 0, asked, bytes.length, STATUS_REQUEST.length);
        // Registered before the bytes go out, in the order they go out: each answer completes the oldest.
        reports.offer(handled);
        outbound.offer(asked);
        mailbox.offer(OUTBOUND_READY);
        if (!isOpen()) {
            answerAll();
        }
        return handled;
    }

    /** tmux answered the oldest status report request: it has read the bytes written before it. */
    private void reported() {
        CompletableFuture<Void> oldest = reports.poll();
        if (oldest != null) {
            oldest.complete(null);
        }
    }

    /** Nobody will answer any more: every waiting writer goes on. */
    private void answerAll() {
        for (CompletableFuture<Void> waiting; (waiting = reports.poll()) != null; ) {
            waiting.complete(null);
        }
    }

    /** Queues a size from tmux; the pane re-renders at that size. */
    public void resize(int width, int height) {
        mailbox.offer(new Msg.Resized(width, height));
    }

    /**
     * Paints the first frame at once from the current snapshot, then follows the state and starts the
     * session's thread. Runs on the connection's thread before {@link #readInput}.
     */
    void start(StateSnapshot snapshot, WatchStateUseCase watch, int width, int height) throws IOException {
        state = program.initial(new PaneContext(pane, popup, width, height, snapshot));
        handedVersion = snapshot.version();
        byte[] opening = renderer.open();
        shown = state;
        shownFrame = program.view(state);
        byte[] frame = renderer.render(shownFrame);
        OutputStream out = socket.getOutputStream();
        byte[] first = new byte[opening.length + frame.length];
        System.arraycopy(opening, 0, first, 0, opening.length);
        System.arraycopy(frame, 0, first, opening.length, frame.length);
        out.write(first);
        subscription = watch.watch(this::offerSnapshot);
        loop = Thread.ofVirtual().name("sidebar-pane-" + pane.value()).start(this::runLoop);
        if (closed.get()) {
            // Closed while starting: close() ran before there was anything to stop.
            subscription.close();
            loop.interrupt();
        }
    }

    private void offerSnapshot(StateSnapshot next) {
        StateSnapshot before = pendingSnapshot.getAndAccumulate(next,
                (old, fresh) -> old == null || fresh.version() > old.version() ? fresh : old);
        if (before == null) {
            long wait = snapshotDue - System.nanoTime();
            if (wait <= 0) {
                mailbox.offer(SNAPSHOT_READY);
            } else {
                // Newer snapshots meanwhile only replace the pending one; the marker goes in once the interval is over.
                offerLater(SNAPSHOT_READY, Duration.ofNanos(wait));
            }
        }
    }

    /** Decodes the pane's input until the shim goes away; returns when the connection ends. */
    void readInput() throws IOException {
        InputDecoder decoder = new InputDecoder(this::reported);
        InputStream in = socket.getInputStream();
        byte[] chunk = new byte[1024];
        while (isOpen()) {
            socket.setSoTimeout(decoder.pending() ? ESCAPE_WAIT_MILLIS : 0);
            int count;
            try {
                count = in.read(chunk);
            } catch (SocketTimeoutException e) {
                decoder.flush(mailbox::offer);
                continue;
            }
            if (count < 0) {
                return;
            }
            decoder.feed(chunk, count, mailbox::offer);
        }
    }

    private void runLoop() {
        try {
            while (isOpen()) {
                if (batch(next()) && state != shown) {
                    Grid frame = program.view(state, shown, shownFrame);
                    shown = state;
                    shownFrame = frame;
                    write(renderer.render(frame));
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The shim is gone (pane closed, broken pipe): an ordinary end for a pane.
            LOG.log(System.Logger.Level.DEBUG, "sidebar pane " + pane + " disconnected: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "sidebar pane " + pane + " failed; closing it", e);
        } finally {
            close();
        }
    }

    /**
     * The next message; while the shown frame animates, a tick when none arrives before the next tick period of
     * the clock begins. The periods are the clock's, not the pane's: every animating pane ticks at the same
     * instants, each right when the spinner's frame changes, so one wake-up serves them all and no tick is
     * spent on a frame already shown.
     */
    private Msg next() throws InterruptedException {
        if (!program.animating(state, shownFrame)) {
            return mailbox.take();
        }
        long wait = TICK_MILLIS - Math.floorMod(clock.millis(), TICK_MILLIS);
        Msg msg = mailbox.poll(wait, TimeUnit.MILLISECONDS);
        return msg != null ? msg : new Msg.Tick(clock.instant());
    }

    /** Updates with the message, then with those queued meanwhile (up to {@link #BATCH}); false when the pane closed. */
    private boolean batch(Msg first) throws IOException {
        boolean open = step(first);
        for (int i = 1; open && i < BATCH; i++) {
            Msg queued = mailbox.poll();
            if (queued == null) {
                break;
            }
            open = step(queued);
        }
        return open;
    }

    /** Updates the state with one message and runs its effects; false when the pane closed. */
    private boolean step(Msg next) throws IOException {
        Msg msg = next;
        if (next == OUTBOUND_READY) {
            byte[] bytes = outbound.poll();
            if (bytes != null) {
                write(bytes);
            }
            return isOpen();
        }
        if (next == SNAPSHOT_READY) {
            StateSnapshot snapshot = pendingSnapshot.getAndSet(null);
            if (snapshot == null) {
                return true;
            }
            msg = new Msg.Snapshot(snapshot);
            boolean burst = snapshot.version() - handedVersion > BURST_SNAPSHOTS;
            handedVersion = snapshot.version();
            snapshotDue = System.nanoTime() + (burst ? BURST_INTERVAL_NANOS : SNAPSHOT_INTERVAL_NANOS);
        }
        Step<S> step = program.update(state, msg);
        state = step.state();
        for (Effect effect : step.effects()) {
            // Closing the pane is the runtime's own job; every other effect, present or future, is the handler's.
            switch (effect) {
                case Effect.ClosePane ignored -> {
                    // Said, so that a sidebar that vanished can be told from one its user closed (ctrl-c).
                    LOG.log(System.Logger.Level.INFO, "sidebar pane " + pane + " closes at its user's request");
                    write(renderer.close());
                    close();
                    return false;
                }
                case Effect.Later later -> later(later);
                case Effect.ShareFocus shared -> shareFocus(shared);
                default -> runEffect(effect);
            }
        }
        return isOpen();
    }

    /** Sends the message back after the delay; a tick carries the time it arrives, not the one it was asked for. */
    private void later(Effect.Later later) {
        offerLater(later.msg(), later.delay(), later.msg() instanceof Msg.Tick);
    }

    private void offerLater(Msg msg, Duration delay) {
        offerLater(msg, delay, false);
    }

    /** Queues the message after the delay, from a sleeping virtual thread: nothing runs while it waits. */
    private void offerLater(Msg msg, Duration delay, boolean stamp) {
        Thread.ofVirtual().name("sidebar-later-" + pane.value()).start(() -> {
            try {
                Thread.sleep(delay);
                if (isOpen()) {
                    mailbox.offer(stamp ? new Msg.Tick(clock.instant()) : msg);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private void shareFocus(Effect.ShareFocus shared) {
        peers.accept(new Msg.PeerFocus(pane, shared.session(), shared.focused()));
    }

    private void runEffect(Effect effect) {
        try {
            effects.run(pane, effect, this::post);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "sidebar effect " + effect + " for pane " + pane + " failed", e);
        }
    }

    private void write(byte[] bytes) throws IOException {
        if (bytes.length > 0) {
            socket.getOutputStream().write(bytes);
        }
    }

    /** Stops following the state, stops the session's thread and closes the connection (the shim then exits). */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        Subscription watching = subscription;
        if (watching != null) {
            watching.close();
        }
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing sidebar pane " + pane + ": " + e.getMessage());
        }
        Thread running = loop;
        if (running != null && running != Thread.currentThread()) {
            running.interrupt();
        }
        answerAll();
        onClosed.accept(this);
    }
}
