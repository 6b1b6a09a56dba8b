package dev.opensessions.server.acceptance;

import dev.opensessions.server.ServerKey;

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
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The packaged opensessions as a user runs it: {@code bin/opensessions start} from a tmux pane, with a
 * private home and XDG folders, {@code config.json} holding {@code sidebarWidth: 36}, and the HTTP API.
 */
final class Opensessions implements AutoCloseable {

    static final int WIDTH = 36;
    private static final List<String> AGENT_OVERRIDES = List.of("CLAUDE_CONFIG_DIR", "CODEX_HOME",
            "PI_CODING_AGENT_DIR", "OPENCODE_DB_PATH", "OPENCODE_DB", "KILO_DB_PATH", "FACTORY_PROJECTS_DIR",
            "PI_CODING_AGENT_SESSION_DIR");

    private final Installation installation;
    private final Path home;
    private final PrivateTmux tmux;
    private final int port;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, String> environment = new java.util.HashMap<>();

    Opensessions(Path home, PrivateTmux tmux) throws IOException {
        this.home = home;
        this.tmux = tmux;
        this.installation = Installation.of(home.resolve("install"));
        try (ServerSocket socket = new ServerSocket(0)) {
            this.port = socket.getLocalPort();
        }
        Files.createDirectories(configFile().getParent());
        Files.writeString(configFile(), "{\"sidebarWidth\": " + WIDTH + "}\n");
    }

    /** The port the server listens on (given to it as {@code OPENSESSIONS_PORT}). */
    int port() {
        return port;
    }

    Path configFile() {
        return home.resolve("config").resolve("opensessions").resolve("config.json");
    }

    String config() throws IOException {
        return Files.readString(configFile());
    }

    Path runtimeDir() throws IOException {
        String label = ServerKey.fromEnvironment(Map.of("TMUX", tmux.socket() + ",1,0")).label();
        Object uid = Files.getAttribute(home, "unix:uid");
        return home.resolve("run").resolve("opensessions-" + uid).resolve(label);
    }

    Path pidFile() throws IOException {
        return runtimeDir().resolve("pid");
    }

    Optional<ProcessHandle> process() throws IOException {
        Path pid = pidFile();
        if (!Files.exists(pid)) {
            return Optional.empty();
        }
        return ProcessHandle.of(Long.parseLong(Files.readString(pid).strip()));
    }

    /** Kills the server whose pid the file holds, if it runs, and waits until it is gone; false when none ran. */
    static boolean killRunning(Path pidFile) throws IOException, InterruptedException {
        Optional<ProcessHandle> running;
        try {
            running = Files.exists(pidFile)
                    ? ProcessHandle.of(Long.parseLong(Files.readString(pidFile).strip())).filter(ProcessHandle::isAlive)
                    : Optional.empty();
        } catch (NumberFormatException halfWritten) {
            return false;
        }
        if (running.isEmpty()) {
            return false;
        }
        killWithChildren(running.get());
        try {
            running.get().onExit().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException stuck) {
            throw new AssertionError("server " + running.get().pid() + " still there 30 s after a kill", stuck);
        }
        return true;
    }

    /** Sets a variable in the environment of every later launcher command (and so of the server it starts). */
    void environment(String name, String value) {
        environment.put(name, value);
    }

    /** Runs {@code bin/opensessions <command>} from the pane, as a user typing it there would. */
    String launcher(String command, String pane) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(installation.launcher().toString(), command)
                .redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("HOME", home.toString());
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_RUNTIME_DIR", home.resolve("run").toString());
        env.put("XDG_DATA_HOME", home.resolve(".local/share").toString());
        env.put("XDG_CACHE_HOME", home.resolve(".cache").toString());
        // The agents' own folder overrides would lead the server away from the private home.
        AGENT_OVERRIDES.forEach(env::remove);
        env.put("OPENSESSIONS_PORT", Integer.toString(port));
        env.put("TMUX", tmux.socket() + ",1,0");
        env.put("TMUX_PANE", pane);
        env.putAll(environment);
        Files.createDirectories(home.resolve("run"));
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(90, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("bin/opensessions " + command + " failed: " + output);
        }
        return output;
    }

    void start(String pane) throws IOException, InterruptedException {
        launcher("start", pane);
    }

    /** Posts a token-guarded control endpoint with the tmux context of the pane; returns the status. */
    int control(String path, String pane) throws IOException, InterruptedException {
        String token = Files.readString(runtimeDir().resolve("token")).strip();
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(tmux.context(pane)))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Reports an agent's state for a pane, as an agent hook would. */
    int agentEvent(String agent, String status, String pane, String thread) throws IOException, InterruptedException {
        String json = "{\"agent\":\"%s\",\"status\":\"%s\",\"paneId\":\"%s\",\"threadId\":\"%s\",\"threadName\":\"%s\"}"
                .formatted(agent, status, pane, thread, thread);
        HttpRequest request = HttpRequest.newBuilder(uri("/api/agent-event"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /**
     * Reports an agent's state for a session without a pane, as an agent found only through its files is
     * known (the {@code session} field of {@code POST /api/agent-event}).
     */
    int agentEventIn(String session, String agent, String status, String thread)
            throws IOException, InterruptedException {
        String json = "{\"agent\":\"%s\",\"status\":\"%s\",\"session\":\"%s\",\"threadId\":\"%s\",\"threadName\":\"%s\"}"
                .formatted(agent, status, session, thread, thread);
        HttpRequest request = HttpRequest.newBuilder(uri("/api/agent-event"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The whole state as JSON ({@code GET /api/state}), empty when the server does not answer. */
    String state() {
        try {
            return http.send(HttpRequest.newBuilder(uri("/api/state")).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException down) {
            return "";
        }
    }

    /** Why each agent row is what it is ({@code GET /debug/agents}), empty when the server does not answer. */
    String debugAgents() {
        try {
            return http.send(HttpRequest.newBuilder(uri("/debug/agents")).timeout(Duration.ofSeconds(2)).GET()
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException | InterruptedException down) {
            return "";
        }
    }

    boolean answers() {
        try {
            return http.send(HttpRequest.newBuilder(uri("/version")).timeout(Duration.ofSeconds(2)).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException | InterruptedException down) {
            return false;
        }
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    /**
     * Ends the server however far the test got. One this launcher started is killed at once: the graceful
     * {@code stop} is checked by the tests about it (LauncherRestartIT, SidebarWidthIT, LifecycleIT's quit),
     * and after every other test it only cost seconds (the JVM's exit; 4 to 5 s at load 20 on two cores).
     * Anything else still answering gets {@code stop}, and a kill if it is still there.
     */
    @Override
    public void close() throws IOException, InterruptedException {
        if (killRunning(pidFile())) {
            return;
        }
        Optional<ProcessHandle> server = process();
        if (answers()) {
            ProcessBuilder builder = new ProcessBuilder(installation.launcher().toString(), "stop")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true);
            builder.environment().put("XDG_RUNTIME_DIR", home.resolve("run").toString());
            builder.environment().put("OPENSESSIONS_PORT", Integer.toString(port));
            builder.environment().put("TMUX", tmux.socket() + ",1,0");
            builder.start().waitFor(30, TimeUnit.SECONDS);
        }
        server.filter(ProcessHandle::isAlive).ifPresent(Opensessions::killWithChildren);
    }

    /**
     * Kills a server and its tmux control client: left behind, the client holds output tmux can no longer
     * deliver, and tmux 3.3a then never finishes a kill-server (its server process stays, sessions gone).
     */
    private static void killWithChildren(ProcessHandle server) {
        List<ProcessHandle> children = server.descendants().toList();
        server.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
    }
}
