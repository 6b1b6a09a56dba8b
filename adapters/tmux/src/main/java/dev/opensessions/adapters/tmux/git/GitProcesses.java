package dev.opensessions.adapters.tmux.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs git as an argument vector (never through a shell) in a directory, with a deadline, a closed stdin
 * and an environment that keeps it from taking locks, and counts the processes it starts.
 */
public final class GitProcesses {

    /**
     * Variables that would point git at another repository than the one {@code -C} names (set, for
     * example, when the server is started from a git hook).
     */
    private static final List<String> REPOSITORY_OVERRIDES = List.of("GIT_DIR", "GIT_WORK_TREE",
            "GIT_INDEX_FILE", "GIT_COMMON_DIR", "GIT_OBJECT_DIRECTORY", "GIT_NAMESPACE", "GIT_PREFIX");

    private final String executable;
    private final Duration timeout;
    private final AtomicLong started = new AtomicLong();
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger peakRunning = new AtomicInteger();

    public GitProcesses(String executable, Duration timeout) {
        this.executable = Objects.requireNonNull(executable, "executable");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** {@code git} from the {@code PATH}, two seconds per process. */
    public GitProcesses() {
        this("git", Duration.ofSeconds(2));
    }

    /**
     * Runs {@code git -C directory arguments...}. Empty when git cannot be started or does not finish in
     * time (it is then killed, with anything it started); a non-zero exit is a {@link GitRun}, since some
     * answers are exit codes.
     */
    public Optional<GitRun> run(Path directory, String... arguments) {
        List<String> argv = new ArrayList<>(List.of(executable, "-C", directory.toString()));
        argv.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD);
        Map<String, String> environment = builder.environment();
        REPOSITORY_OVERRIDES.forEach(environment::remove);
        // Without optional locks, status never writes the index, so it never makes the user's own git
        // fail on index.lock and never wakes our watch on the index.
        environment.put("GIT_OPTIONAL_LOCKS", "0");
        environment.put("LC_ALL", "C");
        environment.put("GIT_TERMINAL_PROMPT", "0");
        Process process;
        try {
            process = builder.start();
        } catch (IOException notStarted) {
            return Optional.empty();
        }
        started.incrementAndGet();
        peakRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
        try {
            return awaitExit(process);
        } finally {
            running.decrementAndGet();
        }
    }

    private Optional<GitRun> awaitExit(Process process) {
        try {
            process.getOutputStream().close();
            // Drained on its own thread so a large answer cannot fill the pipe and stall git before exit.
            CompletableFuture<String> output = CompletableFuture.supplyAsync(
                    () -> readFully(process.getInputStream()), Thread::startVirtualThread);
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                return Optional.empty();
            }
            return Optional.of(new GitRun(process.exitValue(), output.get(timeout.toMillis(), TimeUnit.MILLISECONDS)));
        } catch (InterruptedException interrupted) {
            kill(process);
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (IOException | ExecutionException | TimeoutException broken) {
            kill(process);
            return Optional.empty();
        }
    }

    private static String readFully(InputStream stdout) {
        try (stdout) {
            return new String(stdout.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /** How many git processes have been started so far; lets callers and tests see that idle means idle. */
    public long started() {
        return started.get();
    }

    /** The most git processes that have ever run at the same time. */
    public int peakRunning() {
        return peakRunning.get();
    }
}
