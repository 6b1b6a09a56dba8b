package dev.opensessions.adapters.host;

import dev.opensessions.application.port.out.UserCommand;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Runs the user's program as a process of this machine: the argument vector as it is (no shell), the text on
 * its standard input, its output dropped. At most {@code limit} run at once; each is killed after its timeout.
 * One sleeping virtual thread per running program waits for it.
 */
public final class HostUserCommand implements UserCommand {

    private static final System.Logger LOG = System.getLogger(HostUserCommand.class.getName());
    /** Programs running at once, by default. */
    public static final int DEFAULT_LIMIT = 4;

    private final Semaphore running;

    public HostUserCommand(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive");
        }
        this.running = new Semaphore(limit);
    }

    @Override
    public StartOutcome start(List<String> argv, String stdin, Duration timeout) {
        if (argv.isEmpty()) {
            return new StartOutcome.NotStarted("no program given");
        }
        if (!running.tryAcquire()) {
            return new StartOutcome.Busy();
        }
        Process process;
        try {
            process = new ProcessBuilder(argv)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException | RuntimeException failed) {
            running.release();
            return new StartOutcome.NotStarted(argv.getFirst() + ": " + failed.getMessage());
        }
        Thread.ofVirtual().name("user-command").start(() -> follow(process, argv.getFirst(), stdin, timeout));
        return new StartOutcome.Started();
    }

    private void follow(Process process, String program, String stdin, Duration timeout) {
        try {
            try (OutputStream in = process.getOutputStream()) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            } catch (IOException closed) {
                // The program does not read its input; that is its business.
            }
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                LOG.log(Level.WARNING, program + " ran longer than " + timeout.toSeconds() + " s and was killed");
            } else if (process.exitValue() != 0) {
                LOG.log(Level.INFO, program + " exited with " + process.exitValue());
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        } finally {
            running.release();
        }
    }
}
