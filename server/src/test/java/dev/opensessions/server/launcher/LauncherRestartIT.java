package dev.opensessions.server.launcher;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README promise end to end: {@code bin/opensessions start} runs the packaged server, the reference
 * README's curl examples work, and after {@code stop} and {@code start} their state is still there.
 */
class LauncherRestartIT {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @TempDir
    Path home;
    private int port;

    @AfterEach
    void stopServer() throws Exception {
        if (port != 0) {
            launcher("stop");
        }
    }

    @Test
    void readmeCurlExamplesWorkAndSurviveARestart() throws Exception {
        port = freePort();

        assertThat(launcher("start").exitCode).as("start").isZero();
        assertThat(post("/set-status", "{\"session\":\"my-app\",\"text\":\"Deploying\",\"tone\":\"warn\"}"))
                .isEqualTo(204);
        assertThat(post("/set-progress", "{\"session\":\"my-app\",\"current\":3,\"total\":10,\"label\":\"services\"}"))
                .isEqualTo(204);
        assertThat(post("/log", "{\"session\":\"my-app\",\"message\":\"Tests passed\",\"source\":\"ci\",\"tone\":\"success\"}"))
                .isEqualTo(204);
        assertStateShowsThePushes();

        Result stop = launcher("stop");
        assertThat(stop.exitCode).as("stop: " + stop.output).isZero();
        assertThat(launcher("status").exitCode).as("status after stop").isEqualTo(3);

        assertThat(launcher("start").exitCode).as("second start").isZero();
        assertStateShowsThePushes();
    }

    @Test
    void startIsIdempotentAndStatusAndUrlReportTheServer() throws Exception {
        port = freePort();

        assertThat(launcher("start").exitCode).isZero();
        Result again = launcher("start");
        Result status = launcher("status");
        Result url = launcher("url");

        assertThat(again.exitCode).isZero();
        assertThat(again.output).contains("http://127.0.0.1:" + port);
        assertThat(status.exitCode).isZero();
        assertThat(url.output.strip()).isEqualTo("http://127.0.0.1:" + port);
    }

    private void assertStateShowsThePushes() throws Exception {
        HttpResponse<String> state = http.send(HttpRequest.newBuilder(uri("/api/state")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(state.statusCode()).isEqualTo(200);
        assertThat(state.body())
                .contains("\"my-app\"")
                .contains("\"text\":\"Deploying\"").contains("\"tone\":\"warn\"")
                .contains("\"label\":\"services\"").contains("\"percent\":30.0")
                .contains("\"message\":\"Tests passed\"").contains("\"source\":\"ci\"");
    }

    private int post(String path, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private record Result(int exitCode, String output) {
    }

    private Result launcher(String command) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(REPO.resolve("bin/opensessions").toString(), command));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.remove("TMUX");
        env.remove("TMUX_PANE");
        env.put("HOME", home.toString());
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_RUNTIME_DIR", home.resolve("run").toString());
        env.put("OPENSESSIONS_PORT", Integer.toString(port));
        Files.createDirectories(home.resolve("run"));
        Process process = builder.start();
        process.getOutputStream().close();
        boolean done = process.waitFor(90, TimeUnit.SECONDS);
        if (!done) {
            process.destroyForcibly();
            throw new AssertionError("bin/opensessions " + command + " did not finish within 90 s");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.exitValue(), output);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
