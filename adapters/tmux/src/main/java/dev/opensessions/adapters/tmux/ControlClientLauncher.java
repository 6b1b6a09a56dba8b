package dev.opensessions.adapters.tmux;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Starts the tmux control client so that it ends with the server, even when the server is killed.
 *
 * <p>A server killed with {@code kill -9} (or by the OOM killer) closes its end of the client's pipes, and tmux
 * sees the end of the client's input; but tmux 3.3a lets a control client go only once everything queued for
 * it is written, and output queued when the reader died can never be written. The client process then lives
 * on, still attached, and a later {@code tmux kill-server} waits for it forever. So on Linux the client is
 * started through {@code setpriv --pdeathsig TERM} (util-linux): the kernel sends it {@code SIGTERM} when the
 * server dies, and a tmux client that gets {@code SIGTERM} tells its server it exits and goes. {@code setpriv}
 * replaces itself with tmux, so no extra process stays.
 *
 * <p>The kernel sends the signal when the <em>thread</em> that started the process ends, not the process; so
 * every client is started from one platform thread of its own that lives as long as the JVM (a pooled or
 * virtual thread's carrier may end while the client should live on).
 */
final class ControlClientLauncher {

    /** Where {@code setpriv} was found on the PATH; empty elsewhere than Linux or without it. */
    private static final Optional<Path> SETPRIV = find("setpriv");

    /** One thread for every start; it never times out, so it lives as long as the JVM. */
    private static final ExecutorService STARTER = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new LinkedBlockingQueue<>(), task -> {
                Thread thread = new Thread(task, "tmux-control-starter");
                thread.setDaemon(true);
                return thread;
            });

    private ControlClientLauncher() {
    }

    /** The argument vector that starts {@code argv} so that it gets {@code SIGTERM} when this JVM dies. */
    static List<String> withParentDeathSignal(List<String> argv, Optional<Path> setpriv) {
        if (setpriv.isEmpty()) {
            return argv;
        }
        List<String> wrapped = new ArrayList<>(List.of(setpriv.get().toString(), "--pdeathsig", "TERM"));
        wrapped.addAll(argv);
        return wrapped;
    }

    /** Starts the builder's command, with the parent death signal where it can be had, from the starter thread. */
    static Process start(ProcessBuilder builder) throws IOException {
        builder.command(withParentDeathSignal(builder.command(), SETPRIV));
        try {
            return STARTER.submit(builder::start).get();
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("cannot start " + builder.command(), failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting " + builder.command(), interrupted);
        }
    }

    /** True when clients started here get the parent death signal (Linux with util-linux's setpriv). */
    static boolean endsWithTheServer() {
        return SETPRIV.isPresent();
    }

    private static Optional<Path> find(String program) {
        if (!System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).contains("linux")) {
            return Optional.empty();
        }
        String path = System.getenv("PATH");
        if (path == null) {
            return Optional.empty();
        }
        try {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path candidate = Path.of(dir, program);
                if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                    return Optional.of(candidate.toAbsolutePath());
                }
            }
        } catch (java.nio.file.InvalidPathException odd) {
            return Optional.empty();
        }
        return Optional.empty();
    }
}
