package dev.opensessions.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A tmux server of the test's own, never the user's: named ({@code tmux -L <prefix>-<random>}) or at a socket
 * in a temporary folder ({@code tmux -S <path>}), started without user config, driven with argument vectors
 * (never a shell string), killed on close. A missing tmux fails the test: the real thing or nothing.
 */
public final class PrivateTmux implements AutoCloseable {

    /** The tmux program, looked up on the PATH. */
    public static final String TMUX = "tmux";
    private static final Duration COMMAND_LIMIT = Duration.ofSeconds(10);
    /** Generous: a loaded two-core machine starts {@code script} and a client several times slower. */
    private static final Duration ATTACH_LIMIT = Duration.ofSeconds(30);

    /** What one tmux command did. */
    public record Outcome(int exit, String output) {

        /** The output split into lines, none for empty output. */
        public List<String> lines() {
            return output.isEmpty() ? List.of() : List.of(output.split("\n"));
        }
    }

    private final List<String> address;
    private final String name;
    private final List<Process> clients = new ArrayList<>();
    private volatile Path socketPath;

    private PrivateTmux(List<String> address, String name, Path socketPath) {
        this.address = List.copyOf(address);
        this.name = name;
        this.socketPath = socketPath;
    }

    /** A server named {@code <prefix>-<random>}, not started yet. */
    public static PrivateTmux named(String prefix) {
        String name = prefix + "-" + UUID.randomUUID().toString().substring(0, 12);
        return new PrivateTmux(List.of("-L", name), name, null);
    }

    /** A server at this socket path, not started yet. */
    public static PrivateTmux atSocket(Path socket) {
        return new PrivateTmux(List.of("-S", socket.toString()), "", socket);
    }

    /** A named server started with one detached session of 160 x 40 cells. */
    public static PrivateTmux withSession(String session) {
        return withSession(session, 160, 40);
    }

    /** A named server started with one detached session of the size given, running {@code command} if any. */
    public static PrivateTmux withSession(String session, int width, int height, String... command) {
        PrivateTmux tmux = named("os-test");
        List<String> argv = new ArrayList<>(List.of("-f", "/dev/null", "new-session", "-d", "-s", session,
                "-x", Integer.toString(width), "-y", Integer.toString(height)));
        argv.addAll(List.of(command));
        tmux.run(argv.toArray(String[]::new));
        tmux.socketPath = Path.of(tmux.run("display-message", "-p", "#{socket_path}").getFirst());
        return tmux;
    }

    /** The {@code -L} name; empty for a server at a socket path. */
    public String name() {
        return name;
    }

    /** The socket path, once the server is known to run. */
    public Path socketPath() {
        return socketPath;
    }

    /** Runs a tmux command on this server; the outcome whatever it was. */
    public Outcome exec(String... arguments) {
        List<String> argv = new ArrayList<>();
        argv.add(TMUX);
        argv.addAll(address);
        argv.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().remove("TMUX");
        builder.environment().remove("TMUX_PANE");
        // Panes run a plain sh: a user's shell start-up files (slow, or waiting on locks) are no part of a test.
        builder.environment().put("SHELL", "/bin/sh");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(COMMAND_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("tmux " + String.join(" ", arguments) + " hung");
            }
            return new Outcome(process.exitValue(), output);
        } catch (IOException missing) {
            throw new AssertionError("tmux must be installed and on the PATH", missing);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError(interrupted);
        }
    }

    /** Runs a tmux command that must succeed, as a user or a script would; its output lines. */
    public List<String> run(String... arguments) {
        Outcome outcome = exec(arguments);
        if (outcome.exit() != 0) {
            throw new AssertionError("tmux " + String.join(" ", arguments) + " failed: " + outcome.output());
        }
        return outcome.lines();
    }

    /** The id of the session with exactly that name. */
    public String sessionId(String session) {
        return run("display-message", "-p", "-t", "=" + session + ":", "#{session_id}").getFirst();
    }

    /** The visible screen of a pane, one string per row. */
    public List<String> capture(String pane) {
        return run("capture-pane", "-p", "-t", pane);
    }

    /**
     * Attaches a real user client (a terminal made by {@code script}) to the session and returns its tty. The
     * shell text {@code script} runs holds only this server's address and a session id, both made by the test.
     */
    public String attachClient(String sessionId) {
        List<String> before = userTtys();
        String command = TMUX + " " + address.get(0) + " '" + address.get(1) + "' attach-session -t '" + sessionId
                + "'";
        ProcessBuilder builder = new ProcessBuilder("script", "-qfc", command, "/dev/null")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectErrorStream(true);
        builder.environment().remove("TMUX");
        builder.environment().put("TERM", "xterm-256color");
        try {
            clients.add(builder.start());
        } catch (IOException missing) {
            throw new AssertionError("script (util-linux) is needed to attach a client", missing);
        }
        long deadline = System.nanoTime() + ATTACH_LIMIT.toNanos();
        while (userTtys().size() <= before.size()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("client not attached within " + ATTACH_LIMIT.toMillis() + " ms");
            }
            LockSupport.parkNanos(5_000_000);
        }
        return userTtys().stream().filter(tty -> !before.contains(tty)).findFirst().orElseThrow();
    }

    /** The id of the session a user client shows, by its tty; empty when there is no such client. */
    public String clientSession(String tty) {
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

    /** True while the server answers. */
    public boolean alive() {
        return exec("-N", "list-sessions").exit() == 0;
    }

    /** Kills the server, which ends the clients it attached, waits for those, and removes its socket file. */
    @Override
    public void close() {
        // The server first: its clients end with it and each script with its client, in a fraction of a
        // second. A script told to stop instead (SIGTERM) waits two seconds for its child before it ends.
        if (alive()) {
            exec("kill-server");
        }
        for (Process client : clients) {
            try {
                if (!client.waitFor(5, TimeUnit.SECONDS)) {
                    client.descendants().forEach(ProcessHandle::destroyForcibly);
                    client.destroyForcibly();
                }
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
            }
        }
        // tmux 3.3a leaves its socket file behind when the server exits.
        if (socketPath != null) {
            try {
                Files.deleteIfExists(socketPath);
            } catch (IOException stays) {
                // A leftover socket file in the temp folder is harmless.
            }
        }
    }
}
