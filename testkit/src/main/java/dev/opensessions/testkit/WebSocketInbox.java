package dev.opensessions.testkit;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * Reads a {@link RawWebSocket} on a thread of its own and keeps every text message, turned into {@code T} once on
 * arrival, in order, for a test to wait on. Ends at the server's close frame, the end of the stream, or a broken
 * stream; a broken one (a protocol error, invalid UTF-8, a message {@code parse} refuses) makes {@link #messages}
 * throw, so a test fails on the fault instead of waiting for a message that will not come.
 */
public final class WebSocketInbox<T> {

    /** How long one read waits before the reader checks whether the socket was closed; no message is lost by it. */
    private static final Duration READ_SLICE = Duration.ofSeconds(5);

    private final RawWebSocket socket;
    private final Function<String, T> parse;
    private final List<T> messages = new CopyOnWriteArrayList<>();
    private volatile RawWebSocket.Message.Close close;
    private volatile Throwable broken;
    private volatile boolean ended;

    private WebSocketInbox(RawWebSocket socket, Function<String, T> parse) {
        this.socket = socket;
        this.parse = parse;
    }

    /** Starts reading an upgraded socket. */
    public static <T> WebSocketInbox<T> start(RawWebSocket socket, Function<String, T> parse) {
        WebSocketInbox<T> inbox = new WebSocketInbox<>(socket, parse);
        Thread.ofVirtual().name("websocket-inbox").start(inbox::read);
        return inbox;
    }

    /** The text messages so far, in arrival order; throws when the stream broke. */
    public List<T> messages() {
        Throwable fault = broken;
        if (fault != null) {
            throw new AssertionError("the WebSocket stream broke after " + messages.size() + " messages: " + fault, fault);
        }
        return List.copyOf(messages);
    }

    /** The server's close frame, once it came. */
    public Optional<RawWebSocket.Message.Close> close() {
        return Optional.ofNullable(close);
    }

    /** Whether reading ended by the server's doing (its close frame, its end of stream, or a fault), not this side's close. */
    public boolean ended() {
        return ended;
    }

    private void read() {
        try {
            while (!socket.socket().isClosed()) {
                RawWebSocket.Message message;
                try {
                    message = socket.receive(READ_SLICE);
                } catch (SocketTimeoutException idle) {
                    continue;
                }
                switch (message) {
                    case RawWebSocket.Message.Text text -> messages.add(parse.apply(text.text()));
                    case RawWebSocket.Message.Close closing -> {
                        close = closing;
                        ended = true;
                        return;
                    }
                    case RawWebSocket.Message.Binary ignored -> {
                    }
                    case RawWebSocket.Message.Pong ignored -> {
                    }
                }
            }
        } catch (EOFException | SocketException gone) {
            // A socket closed here is this side's doing (close or abort), not the server's.
            ended = !socket.socket().isClosed();
        } catch (IOException | RuntimeException fault) {
            if (!socket.socket().isClosed()) {
                broken = fault;
                ended = true;
            }
        }
    }
}
