package dev.opensessions.server.launcher;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code bin/opensessions} as a user would, in a private home (XDG folders under a temp folder) on a
 * free port, and talks HTTP to the server it starts.
 */
final class LauncherProcess {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();

    record Result(int exitCode, String output) {
    }

    private final Path home;
    private final int port;
    private final Map<String, String> extraEnv = new HashMap<>();
    private Path launcher = REPO.resolve("bin/opensessions");
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    LauncherProcess(Path home) throws IOException {
        this.home = home;
        this.port = freePort();
    }

    int port() {
        return port;
    }

    Path runtimeDir(String label) {
        return home.resolve("run").resolve("opensessions-" + uid()).resolve(label);
    }

    /** Runs the launcher inside the tmux server with this socket, as a key binding would. */
    LauncherProcess inTmux(String socketPath) {
        extraEnv.put("TMUX", socketPath + ",1,0");
        return this;
    }

    /** Runs this launcher (an installed copy) instead of the checkout's. */
    LauncherProcess from(Path installed) {
        launcher = installed;
        return this;
    }

    /** Runs the launcher with this variable set in its environment. */
    LauncherProcess withEnv(String name, String value) {
        extraEnv.put(name, value);
        return this;
    }

    /** Runs the launcher from this tmux pane, as a user typing in it would. */
    LauncherProcess inPane(String paneId) {
        extraEnv.put("TMUX_PANE", paneId);
        return this;
    }

    Result run(String command) throws IOException, InterruptedException {
        Process process = spawn(command);
        // A start after a rebuild records the start-up cache first: on a busy 2-core machine that alone took
        // 36-183 s, so the deadline is set for that, not for a quiet machine's few seconds.
        if (!process.waitFor(240, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bin/opensessions " + command + " did not finish within 240 s");
        }
        return new Result(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    /** Starts the launcher with this command and returns at once (its output: the process's input stream). */
    Process spawn(String command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(launcher.toString(), command)
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.remove("TMUX");
        env.remove("TMUX_PANE");
        env.put("HOME", home.toString());
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_RUNTIME_DIR", home.resolve("run").toString());
        env.put("OPENSESSIONS_PORT", Integer.toString(port));
        env.putAll(extraEnv);
        Files.createDirectories(home.resolve("run"));
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    int post(String path, String json) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String uid() {
        try {
            Process id = new ProcessBuilder(List.of("id", "-u")).start();
            return new String(id.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException failure) {
            throw new AssertionError("id -u failed", failure);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
