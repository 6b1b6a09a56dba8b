package dev.opensessions.server.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one {@code bin/opensessions} command as a user's shell would: a private home and XDG folders, a
 * private port, no tmux and no opensessions variables unless the test sets them, given stdin, and stdout
 * and stderr kept apart.
 */
final class Cli {

    static final Path CHECKOUT_LAUNCHER = LauncherProcess.REPO.resolve("bin/opensessions");

    record Result(int exitCode, String out, String err) {

        /** Both streams, for assertion messages. */
        String all() {
            return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }

    private final Path launcher;
    private final Path home;
    private final int port;
    private final Map<String, String> env = new HashMap<>();

    Cli(Path launcher, Path home) throws IOException {
        this(launcher, home, freePort(), Map.of());
        env.put("HOME", home.toString());
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_RUNTIME_DIR", home.resolve("run").toString());
        env.put("OPENSESSIONS_PORT", Integer.toString(port));
    }

    private Cli(Path launcher, Path home, int port, Map<String, String> env) {
        this.launcher = launcher;
        this.home = home;
        this.port = port;
        this.env.putAll(env);
    }

    int port() {
        return port;
    }

    Path home() {
        return home;
    }

    /** The same launcher, home and port with one more variable (a null value removes it). */
    Cli with(String name, String value) {
        Cli copy = new Cli(launcher, home, port, env);
        copy.env.put(name, value);
        return copy;
    }

    Result run(String... args) throws IOException, InterruptedException {
        return runWithInput("", args);
    }

    Result runWithInput(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(launcher.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("OPENSESSIONS_") || name.startsWith("TMUX"));
        env.forEach((name, value) -> {
            if (value == null) {
                environment.remove(name);
            } else {
                environment.put(name, value);
            }
        });
        Files.createDirectories(home.resolve("run"));
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        try (var input = process.getOutputStream()) {
            input.write(stdin.getBytes(StandardCharsets.UTF_8));
        }
        if (!process.waitFor(90, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/opensessions " + String.join(" ", args) + " did not finish within 90 s");
        }
        return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
