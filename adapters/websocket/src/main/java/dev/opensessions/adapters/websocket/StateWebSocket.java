package dev.opensessions.adapters.websocket;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.application.port.in.WatchStateUseCase;
import dev.opensessions.application.port.in.WatchTransitionsUseCase;
import dev.opensessions.application.security.ControlToken;
import dev.opensessions.application.state.Subscription;
import dev.opensessions.protocol.ServerMessage;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnError;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnTextMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.smallrye.common.annotation.NonBlocking;
import io.vertx.core.Vertx;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The state stream for dashboards and scripts: {@code hello}, then the full state at once, then newer
 * states latest-wins at the 16 ms frame cadence; accepts the commands of {@link ClientCommands} from a
 * connection whose handshake carried the control token, and {@code subscribe} from any connection, after
 * which it sends only the matching agent status changes ({@link SubscribeCommand}). Nothing here waits on a client: frames and replies
 * go out through the connection's bounded {@link SnapshotFeed}, commands run on the event loop under a
 * per-connection rate limit, and a client that neither reads its replies nor stops sending is closed. A frame whose
 * write has not completed within the send deadline (the client stopped reading and the socket buffers are full)
 * closes the connection with {@value #STALLED}; when not even that close frame goes out within as long again, the
 * TCP connection is dropped ({@link HangUp}).
 */
@WebSocket(path = "/ws")
public class StateWebSocket {

    private static final Logger LOG = Logger.getLogger(StateWebSocket.class);
    /** The WebSocket close code for a client that broke the rules (RFC 6455). */
    static final int POLICY_VIOLATION = 1008;
    /** The WebSocket close code for a server that cannot go on with a connection (RFC 6455). */
    static final int INTERNAL_ERROR = 1011;
    /**
     * How long one frame's write may wait for the client to make room. A client that reads takes a frame in
     * milliseconds; 30 s leaves room for a loaded machine or a client paused in a debugger, while a client that
     * stopped reading is let go in bounded time instead of holding its connection for good.
     */
    public static final String DEFAULT_SEND_DEADLINE = "30s";
    /** The close reason for a client whose frames stall. */
    static final String STALLED = "not reading: a frame was not taken in time";
    /** At most one line a minute about stalled clients, however many there are. */
    private static final long STALL_LOG_INTERVAL_NANOS = 60_000_000_000L;

    private final WatchStateUseCase watch;
    private final WatchTransitionsUseCase transitions;
    private final SnapshotJson json;
    private final ClientCommands commands;
    private final ControlToken token;
    private final ObjectMapper mapper;
    private final Vertx vertx;
    private final long sendDeadlineMillis;
    private final Map<String, Watcher> watchers = new ConcurrentHashMap<>();
    private final AtomicLong stallLoggedAt = new AtomicLong(System.nanoTime() - STALL_LOG_INTERVAL_NANOS);
    private final AtomicInteger stallsUnlogged = new AtomicInteger();
    private final AtomicInteger droppedConnections = new AtomicInteger();

    public StateWebSocket(WatchStateUseCase watch, WatchTransitionsUseCase transitions, SnapshotJson json,
                          ClientCommands commands, ControlToken token, ObjectMapper mapper, Vertx vertx,
                          @ConfigProperty(name = "opensessions.websocket.send-deadline", defaultValue = DEFAULT_SEND_DEADLINE)
                          Duration sendDeadline) {
        this.watch = watch;
        this.transitions = transitions;
        this.json = json;
        this.commands = commands;
        this.token = token;
        this.mapper = mapper;
        this.vertx = vertx;
        // Zero turns the deadline off: a write may then wait for the client for good.
        this.sendDeadlineMillis = sendDeadline.isZero() ? 0 : Math.max(1, sendDeadline.toMillis());
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        SnapshotFeed feed = new SnapshotFeed(json::state, text -> send(connection, text), failure -> unsent(connection, failure),
                sendDeadlineMillis == 0 ? SnapshotFeed.SendDeadline.NONE : this::armSendDeadline, () -> stalled(connection));
        feed.open(json.write(ServerMessage.Hello.current()));
        // The watch hands over the current snapshot at once; the feed holds it until hello is written.
        Subscription subscription = watch.watch(feed::offer);
        boolean authorized = token.matchesBearer(connection.handshakeRequest().header("Authorization"));
        watchers.put(connection.id(), new Watcher(feed, subscription, authorized, new CommandRate(System.nanoTime())));
        // A client that hung up while we subscribed may have had its close callback already.
        if (connection.isClosed()) {
            stop(connection);
        }
    }

    @OnTextMessage
    @NonBlocking
    public void onCommand(String frame, WebSocketConnection connection) {
        Watcher watcher = watchers.get(connection.id());
        if (watcher == null) {
            return;
        }
        Optional<? extends ServerMessage> reply;
        if (!watcher.rate().tryTake(System.nanoTime())) {
            reply = Optional.of(new ServerMessage.Error("rate limited: at most " + CommandRate.PER_SECOND
                    + " commands a second"));
        } else {
            Optional<SubscribeCommand.Parsed> subscribe = SubscribeCommand.parse(mapper, frame);
            reply = subscribe.isPresent() ? subscribe(subscribe.get(), watcher, connection)
                    : commands.handle(frame, watcher.authorized());
        }
        if (reply.isPresent() && !watcher.feed().reply(json.write(reply.get()))) {
            violation(connection, "too many unread replies");
        }
    }

    /**
     * Narrows the connection to the matching transitions: no more state frames, and a replaced filter when it
     * subscribes again. The reply ({@code subscribed}) precedes every transition it selects.
     */
    private Optional<ServerMessage> subscribe(SubscribeCommand.Parsed parsed, Watcher watcher,
                                              WebSocketConnection connection) {
        return switch (parsed) {
            case SubscribeCommand.Parsed.Refused refused -> Optional.of(refused.error());
            case SubscribeCommand.Parsed.Accepted accepted -> {
                watcher.feed().stopStates();
                watcher.subscription().close();
                // Registered before the reply is sent, so every change after the client reads it is seen;
                // the feed holds the transitions of that moment until the reply is on its way.
                watcher.feed().holdTransitions();
                watcher.replace(transitions.watch(accepted.filter(), change -> {
                    if (!watcher.feed().transition(json.write(TransitionFrames.of(change)))) {
                        violation(connection, "too many unread transitions");
                    }
                }));
                if (!watcher.feed().release(json.write(accepted.reply()))) {
                    violation(connection, "too many unread replies");
                }
                yield Optional.empty();
            }
        };
    }

    /** A state frame could not be made: the subscriber would wait for good, so it is told and closed. */
    private void unsent(WebSocketConnection connection, Throwable failure) {
        LOG.warnf(failure, "cannot make a state frame for WebSocket subscriber %s; closing it", connection.id());
        stop(connection);
        connection.close(new CloseReason(INTERNAL_ERROR, "cannot send the state")).subscribe().with(closed -> { }, ignored -> { });
    }

    /** One one-shot timer per write in flight, cancelled when the write completes: nothing runs while idle. */
    private Runnable armSendDeadline(Runnable expired) {
        long timer = vertx.setTimer(sendDeadlineMillis, fired -> expired.run());
        return () -> vertx.cancelTimer(timer);
    }

    /**
     * A frame's write outlived the send deadline: the feed has stopped; the client is closed with a reason, and its
     * TCP connection dropped when the close frame cannot be written either.
     */
    private void stalled(WebSocketConnection connection) {
        stop(connection);
        logStall(connection);
        AtomicBoolean closeWritten = new AtomicBoolean();
        connection.close(new CloseReason(POLICY_VIOLATION, STALLED))
                .subscribe().with(closed -> closeWritten.set(true), ignored -> { });
        HangUp hangUp = Optional.ofNullable(connection.userData().get(HangUp.KEY)).orElse(HangUp.NONE);
        vertx.setTimer(sendDeadlineMillis, fired -> {
            if (!closeWritten.get() && hangUp.now()) {
                droppedConnections.incrementAndGet();
            }
        });
    }

    /** The stalled connections whose TCP connection was dropped because not even the close frame went out. */
    int droppedConnections() {
        return droppedConnections.get();
    }

    private void logStall(WebSocketConnection connection) {
        long now = System.nanoTime();
        long last = stallLoggedAt.get();
        if (now - last < STALL_LOG_INTERVAL_NANOS || !stallLoggedAt.compareAndSet(last, now)) {
            stallsUnlogged.incrementAndGet();
            return;
        }
        LOG.warnf("WebSocket subscriber %s took no frame for %d ms; closing it (code %d)%s", connection.id(),
                sendDeadlineMillis, POLICY_VIOLATION, unloggedSuffix(stallsUnlogged.getAndSet(0)));
    }

    private static String unloggedSuffix(int unlogged) {
        return unlogged == 0 ? "" : "; " + unlogged + " more such since the last line";
    }

    private void violation(WebSocketConnection connection, String reason) {
        stop(connection);
        connection.close(new CloseReason(POLICY_VIOLATION, reason)).subscribe().with(closed -> { }, ignored -> { });
    }

    @OnClose
    public void onClose(WebSocketConnection connection) {
        stop(connection);
    }

    @OnError
    public void onError(Throwable failure, WebSocketConnection connection) {
        stop(connection);
        // A client that hangs up without the closing handshake lands here too; that is not worth a warning.
        if (connection.isClosed()) {
            LOG.debugf("WebSocket subscriber %s went away: %s", connection.id(), failure);
            return;
        }
        LOG.warnf("WebSocket subscriber %s failed, closing it: %s", connection.id(), failure.toString());
        connection.close().subscribe().with(closed -> { }, ignored -> { });
    }

    private static CompletionStage<Void> send(WebSocketConnection connection, String text) {
        return connection.sendText(text).subscribeAsCompletionStage().whenComplete((sent, failure) -> {
            // The feed moves on after a failed write; on a connection still open that frame is lost and the
            // subscriber stays on an older state until the next change, so it must not pass silently.
            if (failure != null && !connection.isClosed()) {
                LOG.warnf("a frame to WebSocket subscriber %s was lost: %s", connection.id(), failure.toString());
            }
        });
    }

    private void stop(WebSocketConnection connection) {
        Watcher watcher = watchers.remove(connection.id());
        if (watcher != null) {
            watcher.stop();
        }
    }

    /**
     * One connection's feed, its subscription (to the state, or to filtered transitions), whether it holds the
     * token, and its command rate.
     */
    private static final class Watcher {

        private final SnapshotFeed feed;
        private final boolean authorized;
        private final CommandRate rate;
        private Subscription subscription;
        private boolean stopped;

        Watcher(SnapshotFeed feed, Subscription subscription, boolean authorized, CommandRate rate) {
            this.feed = feed;
            this.subscription = subscription;
            this.authorized = authorized;
            this.rate = rate;
        }

        SnapshotFeed feed() {
            return feed;
        }

        boolean authorized() {
            return authorized;
        }

        CommandRate rate() {
            return rate;
        }

        synchronized Subscription subscription() {
            return subscription;
        }

        /** Takes the new subscription in place of the old; closes it at once when the connection already ended. */
        synchronized void replace(Subscription next) {
            if (stopped) {
                next.close();
                return;
            }
            subscription = next;
        }

        synchronized void stop() {
            stopped = true;
            subscription.close();
            feed.close();
        }
    }
}
