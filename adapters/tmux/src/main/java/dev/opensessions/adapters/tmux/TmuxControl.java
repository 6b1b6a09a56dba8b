package dev.opensessions.adapters.tmux;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The server's single channel to tmux: keeps exactly one control client attached, reattaches when it dies
 * (its session was killed, the process was killed), and reports the end of the tmux server once.
 */
public final class TmuxControl implements AutoCloseable {

    private static final Duration FIRST_RETRY = Duration.ofMillis(50);
    private static final Duration LAST_RETRY = Duration.ofSeconds(2);

    private final TmuxServer server;
    private final Duration commandTimeout;
    private final AtomicLong commandsSent = new AtomicLong();
    private final ControlSubscriptions subscriptions = new ControlSubscriptions(this::execute);
    private volatile ControlConnection current;
    /** Completes while a control client is attached; a new one is made when it detaches. */
    private volatile CompletableFuture<Void> attachment = new CompletableFuture<>();
    private volatile boolean closed;
    private Thread supervisor;

    public TmuxControl(TmuxServer server, Duration commandTimeout) {
        this.server = Objects.requireNonNull(server, "server");
        this.commandTimeout = Objects.requireNonNull(commandTimeout, "commandTimeout");
    }

    /** Attaches in the background and keeps attached; every event goes to the listener. */
    public synchronized void start(ControlListener listener) {
        if (supervisor != null) {
            throw new IllegalStateException("already started");
        }
        supervisor = Thread.ofVirtual().name("tmux-control-supervisor").start(() -> supervise(listener));
    }

    /** Runs one tmux command over the control client; fails at once when no client is attached. */
    public CompletableFuture<List<String>> execute(List<String> argv) {
        return send(connection -> connection.send(argv));
    }

    /**
     * Runs a tmux command that may run others ({@code if-shell}), whose answer tmux splits into a reply block per
     * command run; a plain {@link #execute} would take the second block for the next command's answer.
     */
    public CompletableFuture<List<String>> executeNested(List<String> argv) {
        return send(connection -> connection.sendFenced(argv));
    }

    private CompletableFuture<List<String>> send(Function<ControlConnection, CompletableFuture<List<String>>> how) {
        ControlConnection connection = current;
        if (connection == null) {
            return CompletableFuture.failedFuture(new TmuxException("tmux control client is not attached"));
        }
        commandsSent.incrementAndGet();
        return how.apply(connection);
    }

    public CompletableFuture<List<String>> execute(String... argv) {
        return execute(List.of(argv));
    }

    /**
     * Runs one tmux command once a control client is attached, so a call made while the server starts waits
     * for the attach instead of failing; the caller bounds the wait. Fails when the tmux server is gone.
     */
    public CompletableFuture<List<String>> executeAttached(List<String> argv) {
        return attachment.thenCompose(attached -> execute(argv));
    }

    /**
     * Sets or replaces the format subscription {@code name} of the control client, kept across reconnects. It
     * sits on a window of the client's session, never on the session itself (a session subscription can crash
     * tmux 3.3a, see {@link ControlSubscriptions}); a {@code #{S:...}} loop in the format still covers every
     * session. tmux sends {@code %subscription-changed name ... : text} when the text changes.
     */
    public void subscribe(String name, String format) {
        subscriptions.set(name, format);
    }

    /** Drops the format subscription {@code name}. */
    public void unsubscribe(String name) {
        subscriptions.drop(name);
    }

    /** The window the subscriptions sit on ({@code @3}), empty while unknown. */
    String subscriptionWindow() {
        return subscriptions.anchor();
    }

    public boolean attached() {
        return current != null;
    }

    /** The session the control client sits on ({@code $3}), or empty; it moves off it before killing it. */
    public String attachedSessionId() {
        ControlConnection connection = current;
        return connection == null ? "" : connection.sessionId();
    }

    /** The pid of the attached control client process, or -1. */
    public long processId() {
        ControlConnection connection = current;
        return connection == null ? -1 : connection.pid();
    }

    /** How many commands went to tmux so far; lets a test prove that nothing is sent while idle. */
    public long commandsSent() {
        return commandsSent.get();
    }

    private void supervise(ControlListener listener) {
        Duration retry = FIRST_RETRY;
        while (!closed) {
            ControlConnection connection;
            try {
                connection = ControlConnection.open(server, commandTimeout, notification -> {
                    subscriptions.notification(notification);
                    listener.notification(notification);
                });
            } catch (IOException noTmux) {
                attachment.completeExceptionally(new TmuxException("tmux cannot be started: " + noTmux.getMessage()));
                listener.serverExited();
                return;
            }
            if (connection.attached().join()) {
                current = connection;
                attachment.complete(null);
                retry = FIRST_RETRY;
                if (closed) {
                    connection.close();
                }
                subscriptions.connected();
                listener.connected();
            }
            ControlConnection.Ended end = connection.ended().join();
            current = null;
            subscriptions.disconnected();
            if (attachment.isDone()) {
                attachment = new CompletableFuture<>();
            }
            if (closed) {
                return;
            }
            if (!end.spoke()) {
                attachment.completeExceptionally(new TmuxException("the tmux server is gone"));
                listener.serverExited();
                return;
            }
            if (!end.attached()) {
                // The server is up but has no session to attach to (exit-empty off): the only state in which
                // this adapter waits on a timer, backing off up to two seconds between attempts.
                if (!pause(retry)) {
                    return;
                }
                retry = retry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : retry.multipliedBy(2);
            }
        }
    }

    private static boolean pause(Duration retry) {
        try {
            Thread.sleep(retry);
            return true;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Detaches the control client and stops reattaching; the tmux server is left alone. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            running = supervisor;
        }
        attachment.completeExceptionally(new TmuxException("tmux control client is closed"));
        ControlConnection connection = current;
        if (connection != null) {
            connection.close();
        }
        if (running != null) {
            running.interrupt();
        }
    }
}
