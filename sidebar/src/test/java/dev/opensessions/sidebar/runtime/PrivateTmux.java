package dev.opensessions.sidebar.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** A private tmux server for one test ({@code tmux -L <random>}, no user config), killed on close. */
final class PrivateTmux implements AutoCloseable {

    private static final String TMUX = "/usr/bin/tmux";

    private final String name = "os-sidebar-" + UUID.randomUUID().toString().substring(0, 12);

    /** Starts the server with one detached session whose only pane runs {@code cat}. */
    static PrivateTmux withSession(String session, int width, int height) {
        PrivateTmux tmux = new PrivateTmux();
        tmux.run("-f", "/dev/null", "new-session", "-d", "-s", session, "-x", Integer.toString(width),
                "-y", Integer.toString(height), "cat");
        return tmux;
    }

    /** Runs a tmux command on this server; fails the test on error. */
    List<String> run(String... arguments) {
        List<String> argv = new ArrayList<>(List.of(TMUX, "-L", name));
        argv.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().remove("TMUX");
        try {
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("tmux " + String.join(" ", arguments) + " failed: " + output);
            }
            return output.isEmpty() ? List.of() : List.of(output.split("\n"));
        } catch (IOException missing) {
            throw new AssertionError("tmux must be installed at " + TMUX, missing);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    /** The visible screen of a pane, one string per row. */
    List<String> capture(String pane) {
        return run("capture-pane", "-p", "-t", pane);
    }

    @Override
    public void close() {
        try {
            run("kill-server");
        } catch (AssertionError alreadyGone) {
            // The server exits by itself when its last session ends.
        }
    }
}
