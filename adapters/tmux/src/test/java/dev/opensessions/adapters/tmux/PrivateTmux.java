package dev.opensessions.adapters.tmux;

import dev.opensessions.application.testkit.Await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A private tmux server for one test ({@code tmux -L os-test-<random>}, no user config), killed on close.
 * A missing tmux fails the test: the adapter is only tested against the real thing.
 */
final class PrivateTmux implements AutoCloseable {

    static final String TMUX = "/usr/bin/tmux";

    private final String name = "os-test-" + UUID.randomUUID().toString().substring(0, 12);
    private final List<Process> clients = new ArrayList<>();
    private String socketPath = "";

    /** Starts the server with one detached session. */
    static PrivateTmux withSession(String session) {
        PrivateTmux tmux = new PrivateTmux();
        tmux.run("-f", "/dev/null", "new-session", "-d", "-s", session, "-x", "160", "-y", "40");
        tmux.socketPath = tmux.run("display-message", "-p", "#{socket_path}").getFirst();
        return tmux;
    }

    TmuxServer server() {
        return TmuxServer.named(TMUX, name);
    }

    /** Runs a tmux command on this server from the outside, as a user or a script would; fails on error. */
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

    /** The id of the session with exactly that name. */
    String sessionId(String session) {
        return run("display-message", "-p", "-t", "=" + session + ":", "#{session_id}").getFirst();
    }

    /**
     * Attaches a real user client (a terminal made by {@code script}) to the session and returns its tty. The
     * shell text only holds the random socket name and a session id, both made by the test.
     */
    String attachClient(String sessionId) {
        List<String> before = userTtys();
        ProcessBuilder builder = new ProcessBuilder("script", "-qfc",
                TMUX + " -L " + name + " attach-session -t '" + sessionId + "'", "/dev/null")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true);
        builder.environment().remove("TMUX");
        builder.environment().put("TERM", "xterm-256color");
        try {
            clients.add(builder.start());
        } catch (IOException missing) {
            throw new AssertionError("script (util-linux) is needed to attach a client", missing);
        }
        Await.until(() -> userTtys().size() > before.size(), Duration.ofSeconds(10), "client attached");
        return userTtys().stream().filter(tty -> !before.contains(tty)).findFirst().orElseThrow();
    }

    /** The session a user client shows, by its tty. */
    String clientSession(String tty) {
        return run("list-clients", "-F", "#{client_tty} #{session_id}").stream()
                .filter(line -> line.startsWith(tty + " "))
                .map(line -> line.substring(tty.length() + 1))
                .findFirst().orElse("");
    }

    private List<String> userTtys() {
        return run("list-clients", "-F", "#{client_control_mode} #{client_tty}").stream()
                .filter(line -> line.startsWith("0 "))
                .map(line -> line.substring(2))
                .toList();
    }

    boolean alive() {
        ProcessBuilder builder = new ProcessBuilder(TMUX, "-N", "-L", name, "list-sessions")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true);
        builder.environment().remove("TMUX");
        try {
            Process process = builder.start();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException | InterruptedException failed) {
            throw new AssertionError(failed);
        }
    }

    @Override
    public void close() {
        for (Process client : clients) {
            client.destroy();
            try {
                client.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        if (alive()) {
            run("kill-server");
        }
        // tmux 3.3a leaves its socket file behind when the server exits.
        if (!socketPath.isEmpty()) {
            try {
                java.nio.file.Files.deleteIfExists(java.nio.file.Path.of(socketPath));
            } catch (IOException stays) {
                // A leftover socket file in the temp folder is harmless.
            }
        }
    }
}
