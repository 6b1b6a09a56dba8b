package dev.opensessions.server.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.application.testkit.Await;
import dev.opensessions.server.ServerKey;
import dev.opensessions.testkit.RawWebSocket;
import dev.opensessions.testkit.WebSocketInbox;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The packaged server started from inside a private tmux server: it shows that server's live sessions,
 * resolves agent events against their directories, and exits when that tmux server does.
 */
class TmuxLifecycleIT {

    private static final String ODD_NAME = "deploy; kill-server 'x' \"ü\"";
    private final ObjectMapper json = new ObjectMapper();

    @TempDir
    Path home;
    @TempDir
    Path project;
    private Path socket;

    @AfterEach
    void cleanUp() throws Exception {
        tmux("kill-server");
    }

    @Test
    void servesLiveSessionsResolvesAgentsAndExitsWithTmux() throws Exception {
        socket = home.resolve("tmux.sock");
        run(project, "git", "init", "-q", "-b", "feature/it");
        Files.writeString(project.resolve("README"), "hello\n");
        run(project, "git", "add", "README");
        run(project, "git", "-c", "user.name=it", "-c", "user.email=it@localhost", "commit", "-q", "-m", "init");
        assertThat(tmux("-f", "/dev/null", "new-session", "-d", "-s", "it app", "-c", project.toString())).isZero();
        LauncherProcess launcher = new LauncherProcess(home).inTmux(socket.toString());

        LauncherProcess.Result start = launcher.run("start");
        assertThat(start.exitCode()).as(start.output()).isZero();
        Await.until(() -> session(launcher, "it app").isPresent(), Duration.ofSeconds(10), "live session listed");
        assertThat(session(launcher, "it app").orElseThrow().get("dir").asText()).isEqualTo(project.toString());
        Await.until(() -> field(launcher, "it app", "branch").equals("feature/it"), Duration.ofSeconds(10),
                "git branch shown");
        run(project, "git", "checkout", "-q", "-b", "next");
        Await.until(() -> field(launcher, "it app", "branch").equals("next"), Duration.ofSeconds(10),
                "checkout seen without polling");

        assertThat(tmux("new-session", "-d", "-s", ODD_NAME)).isZero();
        Await.until(() -> session(launcher, ODD_NAME).isPresent(), Duration.ofSeconds(10), "odd name listed");
        assertThat(tmux("has-session", "-t", "=it app")).as("the odd name ran nothing").isZero();

        Path portFile = home.resolve("port");
        assertThat(tmux("new-window", "-d", "-t", "=it app:", "/usr/bin/python3", "-c",
                "import socket, time\ns = socket.socket()\ns.bind(('127.0.0.1', 0))\ns.listen()\n"
                        + "open('" + portFile + "', 'w').write(str(s.getsockname()[1]))\ntime.sleep(600)\n")).isZero();
        Await.until(() -> Files.exists(portFile) && !readQuietly(portFile).isEmpty(), Duration.ofSeconds(10),
                "listener started");
        int port = Integer.parseInt(readQuietly(portFile));
        try (RawWebSocket watcher = RawWebSocket.connect(URI.create("ws://127.0.0.1:" + launcher.port() + "/ws"),
                Map.of(), Duration.ofSeconds(10))) {
            // Read what it is sent, as a dashboard would, so the server never sees a subscriber that stopped reading.
            WebSocketInbox.start(watcher, text -> text);
            Await.until(() -> session(launcher, "it app").map(s -> s.get("ports").toString()).orElse("")
                    .contains(Integer.toString(port)), Duration.ofSeconds(15), "listening port shown while displayed");
        }

        String event = "{\"agent\":\"codex\",\"status\":\"done\",\"threadId\":\"t1\",\"projectDir\":\""
                + project.resolve("src") + "\"}";
        assertThat(launcher.post("/api/agent-event", event)).isEqualTo(204);
        JsonNode agent = session(launcher, "it app").orElseThrow().get("agents").get(0);
        assertThat(agent.get("agent").asText()).isEqualTo("codex");
        assertThat(agent.get("unseen").asBoolean()).isTrue();

        Path pid = launcher.runtimeDir(label()).resolve("pid");
        assertThat(pid).exists();
        long serverPid = Long.parseLong(Files.readString(pid).strip());
        assertThat(tmux("kill-server")).isZero();
        Await.until(() -> ProcessHandle.of(serverPid).map(p -> !p.isAlive()).orElse(true), Duration.ofSeconds(15),
                "server exits with its tmux server");
        assertThat(pid).as("clean exit removes the pid file").doesNotExist();
        assertThat(launcher.run("status").exitCode()).isEqualTo(3);
    }

    private Optional<JsonNode> session(LauncherProcess launcher, String name) {
        try {
            for (JsonNode session : json.readTree(launcher.get("/api/state").body()).get("sessions")) {
                if (session.get("name").asText().equals(name)) {
                    return Optional.of(session);
                }
            }
            return Optional.empty();
        } catch (IOException | InterruptedException unreachable) {
            return Optional.empty();
        }
    }

    private static String readQuietly(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException notYet) {
            return "";
        }
    }

    private String field(LauncherProcess launcher, String name, String field) {
        return session(launcher, name).map(s -> s.path(field).asText("")).orElse("");
    }

    private static void run(Path directory, String... argv) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(argv).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0)
                .as(String.join(" ", argv) + ": " + output).isTrue();
    }

    private String label() {
        return ServerKey.fromEnvironment(Map.of("TMUX", socket + ",1,0")).label();
    }

    private int tmux(String... arguments) throws IOException, InterruptedException {
        if (socket == null) {
            return 0;
        }
        List<String> argv = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
        argv.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().remove("TMUX");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("tmux " + argv + ": " + output).isTrue();
        return process.exitValue();
    }
}
