package dev.opensessions.sidebar.runtime;

import dev.opensessions.application.port.in.GetStateUseCase;
import dev.opensessions.application.port.in.WatchStateUseCase;
import dev.opensessions.application.security.ControlToken;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.sidebar.model.Msg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The sidebar terminal listener: accepts pane shims on 127.0.0.1, checks each one's
 * handshake, and runs a {@link PaneSession} for every pane that presented the token. A connection that
 * says anything else, or nothing within two seconds, is closed without a byte written.
 */
public final class SidebarTerminalServer<S> implements AutoCloseable {

    static final Duration HANDSHAKE_LIMIT = Duration.ofSeconds(2);
    private static final System.Logger LOG = System.getLogger(SidebarTerminalServer.class.getName());

    private final ControlToken token;
    private final PaneProgram<S> program;
    private final GetStateUseCase state;
    private final WatchStateUseCase watch;
    private final EffectHandler effects;
    private final Clock clock;
    private final ServerSocket listener;
    private final Map<PaneId, PaneSession<S>> sessions = new ConcurrentHashMap<>();
    private final Set<PaneSession<S>> popups = ConcurrentHashMap.newKeySet();
    private final Consumer<PaneId> onIdentified;
    private final PaneSizes sizes;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    /** Binds 127.0.0.1:{@code port} (0 picks a free port) and starts accepting panes. */
    public SidebarTerminalServer(int port, ControlToken token, PaneProgram<S> program, GetStateUseCase state,
                                 WatchStateUseCase watch, EffectHandler effects, Clock clock) {
        this(port, token, program, state, watch, effects, clock, pane -> { }, PaneSizes.NONE);
    }

    /**
     * As above; {@code onIdentified} hears of every docked pane whose handshake succeeded and whose first
     * frame is painted (the sidebar warm-up counts it as present), and {@code sizes} answers for panes whose
     * shim left its size to the server.
     */
    public SidebarTerminalServer(int port, ControlToken token, PaneProgram<S> program, GetStateUseCase state,
                                 WatchStateUseCase watch, EffectHandler effects, Clock clock,
                                 Consumer<PaneId> onIdentified, PaneSizes sizes) {
        this.onIdentified = Objects.requireNonNull(onIdentified, "onIdentified");
        this.sizes = Objects.requireNonNull(sizes, "sizes");
        this.token = Objects.requireNonNull(token, "token");
        this.program = Objects.requireNonNull(program, "program");
        this.state = Objects.requireNonNull(state, "state");
        this.watch = Objects.requireNonNull(watch, "watch");
        this.effects = Objects.requireNonNull(effects, "effects");
        this.clock = Objects.requireNonNull(clock, "clock");
        try {
            listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for sidebar panes on 127.0.0.1:" + port, e);
        }
        Thread.ofVirtual().name("sidebar-accept").start(this::acceptLoop);
    }

    /** The port the listener is bound to. */
    public int port() {
        return listener.getLocalPort();
    }

    /** The panes with a running session. */
    public Set<PaneId> panes() {
        return Set.copyOf(sessions.keySet());
    }

    /** Forwards a pane size from tmux to that pane's session; an unknown pane or a size out of 1..1000 is ignored. */
    public void resize(PaneId pane, int width, int height) {
        PaneSession<S> session = sessions.get(pane);
        if (session != null && width >= 1 && width <= Handshake.MAX_SIZE && height >= 1 && height <= Handshake.MAX_SIZE) {
            session.resize(width, height);
        }
    }

    /**
     * Queues bytes for a docked pane's terminal, written between two frames (a notification's escape sequence
     * for tmux to pass through); the future completes once tmux has read them (see {@link PaneSession#send}).
     * Empty when no such pane is connected.
     */
    public Optional<CompletableFuture<Void>> send(PaneId pane, byte[] bytes) {
        PaneSession<S> session = sessions.get(pane);
        if (session == null || !session.isOpen()) {
            return Optional.empty();
        }
        return Optional.of(session.send(bytes));
    }

    /** Stops accepting and closes every pane's session (their shims exit, so the panes close). */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the sidebar listener: " + e.getMessage());
        }
        sessions.values().forEach(PaneSession::close);
        popups.forEach(PaneSession::close);
        connections.forEach(SidebarTerminalServer::closeQuietly);
    }

    private void acceptLoop() {
        while (!closed) {
            try {
                Socket socket = listener.accept();
                connections.add(socket);
                Thread.ofVirtual().name("sidebar-connection").start(() -> serve(socket));
            } catch (IOException e) {
                if (!closed) {
                    LOG.log(System.Logger.Level.WARNING, "accepting a sidebar pane failed", e);
                }
            }
        }
    }

    private void serve(Socket socket) {
        PaneSession<S> session = null;
        try {
            Optional<Handshake> handshake = Handshake.read(socket, token, HANDSHAKE_LIMIT);
            if (handshake.isEmpty() || closed) {
                return;
            }
            Optional<Handshake> sized = sized(handshake.get());
            if (sized.isEmpty()) {
                return;
            }
            Handshake hello = sized.get();
            socket.setTcpNoDelay(true);
            PaneSession<S> created = new PaneSession<>(program, hello.pane(), hello.popup(), socket, effects, clock,
                    this::sharePeerFocus, this::ended);
            session = created;
            if (hello.popup()) {
                // A popup floats over a pane without being one: tmux never resizes it, nothing identifies it.
                popups.add(created);
                created.start(state.current(), watch, hello.width(), hello.height());
            } else {
                PaneSession<S> replaced = sessions.put(hello.pane(), created);
                if (replaced != null) {
                    // A pane reconnected (its shim restarted): the old connection is stale.
                    replaced.close();
                }
                created.start(state.current(), watch, hello.width(), hello.height());
                onIdentified.accept(hello.pane());
            }
            created.readInput();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "sidebar connection ended: " + e.getMessage());
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "sidebar connection failed", e);
        } finally {
            if (session != null) {
                session.close();
            }
            connections.remove(socket);
            closeQuietly(socket);
        }
    }

    /** The handshake with the pane's size, asked of tmux when the shim left it out; empty if tmux does not know it. */
    private Optional<Handshake> sized(Handshake hello) {
        if (hello.sized()) {
            return Optional.of(hello);
        }
        Optional<PaneSizes.Size> size = sizes.of(hello.pane())
                .filter(s -> s.width() >= 1 && s.width() <= Handshake.MAX_SIZE && s.height() >= 1
                        && s.height() <= Handshake.MAX_SIZE);
        if (size.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "sidebar pane " + hello.pane() + " left its size to the server, "
                    + "and tmux knows no such pane; closing it");
        }
        return size.map(s -> new Handshake(hello.pane(), s.width(), s.height(), false));
    }

    private void ended(PaneSession<S> ended) {
        if (ended.popup()) {
            popups.remove(ended);
        } else {
            sessions.remove(ended.pane(), ended);
        }
    }

    /** Hands one pane's focus move to every other open sidebar; each decides whether it concerns it. */
    private void sharePeerFocus(Msg.PeerFocus focus) {
        sessions.values().stream().filter(s -> !s.pane().equals(focus.from())).forEach(s -> s.post(focus));
        popups.forEach(s -> s.post(focus));
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing a sidebar connection: " + e.getMessage());
        }
    }
}
