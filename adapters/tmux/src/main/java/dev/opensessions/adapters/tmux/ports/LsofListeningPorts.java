package dev.opensessions.adapters.tmux.ports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Listening ports from {@code lsof} and the process tree from {@code ps}, for systems without /proc (macOS). */
public final class LsofListeningPorts implements ListeningPorts {

    private final String lsof;
    private final String ps;
    private final Duration timeout;

    /**
     * @param lsof    path of the lsof binary
     * @param ps      path of the ps binary
     * @param timeout how long each of the two commands may take
     */
    public LsofListeningPorts(String lsof, String ps, Duration timeout) {
        this.lsof = Objects.requireNonNull(lsof, "lsof");
        this.ps = Objects.requireNonNull(ps, "ps");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    @Override
    public Map<Long, SortedSet<Integer>> scan(Set<Long> rootPids) {
        // lsof exits with 1 when nothing matches, which here just means nothing listens.
        List<String> listening = run(List.of(lsof, "-nP", "-iTCP", "-sTCP:LISTEN", "-F", "pn"), Set.of(0, 1));
        ProcessTree tree = new ProcessTree(LsofFormats.parents(run(List.of(ps, "-axo", "pid=,ppid="), Set.of(0))));
        return tree.portsPerRoot(rootPids, LsofFormats.portsByPid(listening));
    }

    private List<String> run(List<String> argv, Set<Integer> acceptedExits) {
        Process process;
        try {
            process = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException missing) {
            throw new PortScanException("cannot start " + argv.getFirst(), missing);
        }
        // Read on another thread so that a command that hangs with a full pipe still meets the timeout.
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> readAll(process.getInputStream()),
                runnable -> Thread.ofVirtual().start(runnable));
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new PortScanException(argv.getFirst() + " took longer than " + timeout.toMillis() + " ms");
            }
            if (!acceptedExits.contains(process.exitValue())) {
                throw new PortScanException(argv.getFirst() + " exited with " + process.exitValue());
            }
            return output.get(timeout.toMillis(), TimeUnit.MILLISECONDS).lines().toList();
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new PortScanException("interrupted while running " + argv.getFirst(), interrupted);
        } catch (ExecutionException | TimeoutException failed) {
            throw new PortScanException("cannot read the output of " + argv.getFirst(), failed);
        }
    }

    private static String readAll(InputStream stream) {
        try (stream) {
            return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
