package dev.opensessions.adapters.tmux;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One {@code tmux -C attach-session} process: writes command lines, matches replies to them in order (tmux
 * answers a control client's commands strictly first in, first out), and reports notifications and its end.
 */
final class ControlConnection implements AutoCloseable {

    /**
     * How the process ended.
     *
     * @param spoke    tmux wrote at least one line, so a server was there (with {@code -N} a missing server
     *                 ends the client silently)
     * @param attached the attach command succeeded, so the server had a session to attach to
     */
    record Ended(boolean spoke, boolean attached) {
    }

    private final Process process;
    private final Writer input;
    private final Duration timeout;
    private final Consumer<ControlEvent.Notification> notifications;
    private final ControlParser parser = new ControlParser();
    private final Deque<Waiting> pending = new ArrayDeque<>();
    private final AtomicLong fences = new AtomicLong();
    private final CompletableFuture<Boolean> attached = new CompletableFuture<>();
    private final CompletableFuture<Ended> ended = new CompletableFuture<>();
    private volatile boolean spoke;
    private volatile String sessionId = "";
    private boolean closed;

    private ControlConnection(Process process, Duration timeout, Consumer<ControlEvent.Notification> notifications) {
        this.process = process;
        this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        this.timeout = timeout;
        this.notifications = notifications;
    }

    /**
     * Starts the client. {@code ignore-size} keeps it from shrinking the user's windows and
     * {@code no-output} from receiving every byte the panes print. It ends with this process, even a killed one
     * ({@link ControlClientLauncher}).
     */
    static ControlConnection open(TmuxServer server, Duration timeout, Consumer<ControlEvent.Notification> notifications)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(
                server.command("-C", "attach-session", "-f", "ignore-size,no-output"));
        // tmux refuses or misroutes nested clients when $TMUX is inherited; the socket is explicit anyway.
        builder.environment().remove("TMUX");
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        ControlConnection connection = new ControlConnection(ControlClientLauncher.start(builder), timeout, notifications);
        Thread.ofVirtual().name("tmux-control-reader-" + connection.pid()).start(connection::read);
        return connection;
    }

    /** Completes with true once attached, false if the client ended first. */
    CompletableFuture<Boolean> attached() {
        return attached;
    }

    CompletableFuture<Ended> ended() {
        return ended;
    }

    long pid() {
        return process.pid();
    }

    /** The id of the session this control client sits on ({@code $3}), empty before tmux says. */
    String sessionId() {
        return sessionId;
    }

    /** Sends one command; the future holds its output lines, or fails with the error tmux printed. */
    CompletableFuture<List<String>> send(List<String> argv) {
        return send(argv, null);
    }

    /**
     * Sends a command that may run others, such as {@code if-shell}: tmux answers each command it runs with a
     * reply block of its own, one for {@code if-shell} and one more when the inner command runs, so the number
     * of blocks is not known in advance. A fence follows it ({@code display-message -p} of a word of its own),
     * and every block up to the fence's answers this command: the future holds their lines, or fails with the
     * first error among them.
     */
    CompletableFuture<List<String>> sendFenced(List<String> argv) {
        return send(argv, "opensessions-fence-" + fences.incrementAndGet());
    }

    private CompletableFuture<List<String>> send(List<String> argv, String fence) {
        CompletableFuture<List<String>> reply = new CompletableFuture<>();
        String line;
        try {
            line = TmuxCommandLine.of(argv);
        } catch (IllegalArgumentException refused) {
            reply.completeExceptionally(refused);
            return reply;
        }
        synchronized (this) {
            if (closed) {
                reply.completeExceptionally(new TmuxException("tmux control connection is closed"));
                return reply;
            }
            pending.addLast(new Waiting(reply, fence));
            try {
                input.write(line);
                input.write('\n');
                if (fence != null) {
                    input.write(TmuxCommandLine.of(List.of("display-message", "-p", fence)));
                    input.write('\n');
                }
                input.flush();
            } catch (IOException broken) {
                pending.removeLast();
                reply.completeExceptionally(new TmuxException("tmux control connection is broken", broken));
            }
        }
        return reply.orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void read() {
        try (BufferedReader output = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = output.readLine()) != null) {
                spoke = true;
                parser.accept(line).ifPresent(this::dispatch);
            }
        } catch (IOException endOfStream) {
            // The process went away mid-line; the end is reported below like any other.
        } finally {
            finish();
        }
    }

    private void dispatch(ControlEvent event) {
        switch (event) {
            case ControlEvent.Reply reply when !reply.fromClient() -> attached.complete(reply.ok());
            case ControlEvent.Reply reply -> answer(reply);
            case ControlEvent.Notification notification -> {
                if (notification.name().equals("session-changed")) {
                    sessionId = notification.words(2).getFirst();
                }
                try {
                    notifications.accept(notification);
                } catch (RuntimeException listenerFailure) {
                    // A faulty listener must not stop the reader, or every later reply would hang.
                }
            }
            case ControlEvent.Exit exit -> {
                // The stream ends right after; finish() reports it.
            }
        }
    }

    private void answer(ControlEvent.Reply reply) {
        Waiting waiting;
        synchronized (this) {
            waiting = pending.peekFirst();
            if (waiting == null || !waiting.takes(reply)) {
                return;
            }
            pending.pollFirst();
        }
        waiting.complete();
    }

    private void finish() {
        attached.complete(false);
        synchronized (this) {
            closed = true;
            pending.forEach(p -> p.reply.completeExceptionally(new TmuxException("tmux control connection ended")));
            pending.clear();
        }
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
        ended.complete(new Ended(spoke, attached.join()));
    }

    /** Ends the client: tmux detaches a control client whose input closes. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            try {
                input.close();
            } catch (IOException alreadyGone) {
                // Nothing left to close.
            }
        }
        try {
            if (!process.waitFor(1, TimeUnit.SECONDS)) {
                process.destroy();
                process.waitFor(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            process.destroy();
        }
    }

    /** A command waiting for its answer: one reply block, or (with a fence) every block up to the fence's. */
    private static final class Waiting {
        private final CompletableFuture<List<String>> reply;
        private final String fence;
        private final List<String> lines = new ArrayList<>();
        private String error;

        Waiting(CompletableFuture<List<String>> reply, String fence) {
            this.reply = reply;
            this.fence = fence;
        }

        /** Takes one reply block; true when the command is fully answered. */
        boolean takes(ControlEvent.Reply block) {
            if (fence != null && block.ok() && block.lines().equals(List.of(fence))) {
                return true;
            }
            if (!block.ok() && error == null) {
                error = "tmux: " + String.join(" / ", block.lines());
            } else if (block.ok()) {
                lines.addAll(block.lines());
            }
            return fence == null;
        }

        void complete() {
            if (error == null) {
                reply.complete(List.copyOf(lines));
            } else {
                reply.completeExceptionally(new TmuxException(error));
            }
        }
    }
}
