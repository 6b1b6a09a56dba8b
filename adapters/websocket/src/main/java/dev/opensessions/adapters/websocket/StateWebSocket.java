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
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The state stream for dashboards and scripts: {@code hello}, then the full state at once, then newer
 * states latest-wins at the 16 ms frame cadence; accepts the commands of {@link ClientCommands} from a
 * connection whose handshake carried the control token, and {@code subscribe} from any connection, after
 * which it sends only the matching agent status changes ({@link SubscribeCommand}). Nothing here waits on a client: frames and replies
 * go out through the connection's bounded {@link SnapshotFeed}, commands run on the event loop under a
 * per-connection rate limit, and a client that neither reads its replies nor stops sending is closed.
 */
@WebSocket(path = "/ws")
public class StateWebSocket {

    private static final Logger LOG = Logger.getLogger(StateWebSocket.class);
    /** The WebSocket close code for a client that broke the rules (RFC 6455). */
    static final int POLICY_VIOLATION = 1008;
    /** The WebSocket close code for a server that cannot go on with a connection (RFC 6455). */
    static final int INTERNAL_ERROR = 1011;

    private final WatchStateUseCase watch;
    private final WatchTransitionsUseCase transitions;
    private final SnapshotJson json;
    private final ClientCommands commands;
    private final ControlToken token;
    private final ObjectMapper mapper;
    private final Map<String, Watcher> watchers = new ConcurrentHashMap<>();

    public StateWebSocket(WatchStateUseCase watch, WatchTransitionsUseCase transitions, SnapshotJson json,
                          ClientCommands commands, ControlToken token, ObjectMapper mapper) {
        this.watch = watch;
        this.transitions = transitions;
        this.json = json;
        this.commands = commands;
        this.token = token;
        this.mapper = mapper;
    }

    @OnOpen
    public void onOpen(WebSocketConnection connection) {
        SnapshotFeed feed = new SnapshotFeed(json::state, text -> send(connection, text), failure -> unsent(connection, failure));
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
