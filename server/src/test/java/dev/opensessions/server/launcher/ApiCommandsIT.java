package dev.opensessions.server.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.application.testkit.Await;
import dev.opensessions.server.acceptance.Installation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The HTTP API from the shell against the packaged server, started by the installed launcher from a pane
 * of a private tmux server: each command changes what {@code /api/state} shows, text arrives verbatim.
 */
class ApiCommandsIT {

    /** Quotes, a command substitution, backslashes, unicode beyond the BMP, a newline, a tab, a control byte. */
    private static final String ODD = "say \"hi\" $(touch /tmp/pwned) `id` \\n \\ ü 项目 😀\nline two\tend\u0001";

    @TempDir
    static Path home;
    private static Path socket;
    private static Cli cli;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void startServerInTmux() throws Exception {
        socket = home.resolve("tmux.sock");
        tmux("-f", "/dev/null", "new-session", "-d", "-s", "alpha", "-x", "120", "-y", "40");
        Installation installation = Installation.of(home.resolve("install"));
        cli = new Cli(installation.launcher(), home).with("TMUX", socket + ",1,0")
                .with("TMUX_PANE", pane("alpha")).with("OPENSESSIONS_NO_SIDEBAR", "1");
        Cli.Result start = cli.run("start");
        assertThat(start.exitCode()).as(start.all()).isZero();
    }

    @AfterAll
    static void stopServerAndTmux() throws Exception {
        if (cli != null) {
            cli.run("stop");
        }
        tmux("kill-server");
    }

    @Test
    void setStatusFromAPaneLandsVerbatimOnItsSession() throws Exception {
        Cli.Result result = cli.run("set-status", ODD, "--tone", "warn");

        assertThat(result.exitCode()).as(result.all()).isZero();
        assertThat(result.out() + result.err()).as("quiet on success").isEmpty();
        Await.until(() -> metadata("alpha").path("status").path("text").asText().equals(ODD),
                Duration.ofSeconds(5), "status text arrived verbatim: " + metadata("alpha"));
        assertThat(metadata("alpha").path("status").path("tone").asText()).isEqualTo("warn");
    }

    @Test
    void setProgressShowsTheBarAndClearRemovesIt() throws Exception {
        assertThat(cli.run("set-progress", "2.5", "10", "--label", ODD, "--session", "progress-1").exitCode()).isZero();
        Await.until(() -> metadata("progress-1").path("progress").path("percent").asDouble() == 25.0,
                Duration.ofSeconds(5), "progress at 25%: " + metadata("progress-1"));
        assertThat(metadata("progress-1").path("progress").path("label").asText()).isEqualTo(ODD);

        assertThat(cli.run("set-progress", "--clear", "--session=progress-1").exitCode()).isZero();
        Await.until(() -> !metadata("progress-1").path("progress").isObject(), Duration.ofSeconds(5),
                "progress cleared: " + metadata("progress-1"));
    }

    @Test
    void logAndNotifyAppendAndClearLogEmpties() throws Exception {
        assertThat(cli.run("log", ODD, "--level", "success", "--source", "ci \"x\"", "--session", "logs-1").exitCode())
                .isZero();
        assertThat(cli.run("notify", "--tone", "info", "--session", "logs-1", "--", "-- deploy done").exitCode()).isZero();
        Await.until(() -> metadata("logs-1").path("logs").size() == 2, Duration.ofSeconds(5), "two log lines");
        JsonNode first = metadata("logs-1").path("logs").get(0);
        assertThat(first.path("message").asText()).isEqualTo(ODD);
        assertThat(first.path("tone").asText()).isEqualTo("success");
        assertThat(first.path("source").asText()).isEqualTo("ci \"x\"");
        assertThat(metadata("logs-1").path("notification").path("message").asText()).isEqualTo("-- deploy done");

        assertThat(cli.run("clear-log", "--session", "logs-1").exitCode()).isZero();
        Await.until(() -> metadata("logs-1").path("logs").isEmpty(), Duration.ofSeconds(5), "log emptied");
    }

    @Test
    void eventFromAnAgentsPaneShowsTheAgentInThatSession() throws Exception {
        tmux("new-session", "-d", "-s", "beta");
        String betaPane = pane("beta");

        Cli.Result result = cli.with("TMUX_PANE", betaPane).run("event", "--agent", "claude-code", "--status",
                "running", "--thread", "t1", "--name", ODD, "--prompt", "fix \"it\"");

        assertThat(result.exitCode()).as(result.all()).isZero();
        Await.until(() -> agents("beta").size() == 1, Duration.ofSeconds(5), "agent row in beta: " + agents("beta"));
        JsonNode agent = agents("beta").get(0);
        assertThat(agent.path("agent").asText()).isEqualTo("claude-code");
        assertThat(agent.path("status").asText()).isEqualTo("running");
        assertThat(agent.path("threadName").asText()).isEqualTo(ODD);
        assertThat(agent.path("lastUserPrompt").asText()).isEqualTo("fix \"it\"");
        assertThat(agent.path("paneId").asText()).isEqualTo(betaPane);
    }

    @Test
    void eventDashPostsTheJsonReadFromStdin() throws Exception {
        Cli.Result result = cli.runWithInput(
                "{\"agent\":\"codex\",\"status\":\"done\",\"tmuxSession\":\"alpha\",\"threadId\":\"s1\",\"threadName\":\"from stdin\"}",
                "event", "-");

        assertThat(result.exitCode()).as(result.all()).isZero();
        Await.until(() -> agents("alpha").findValuesAsText("threadName").contains("from stdin"),
                Duration.ofSeconds(5), "codex row in alpha: " + agents("alpha"));
    }

    @Test
    void refusedRequestsPrintTheServersMessageAndExitOne() throws Exception {
        Cli.Result tone = cli.run("set-status", "hi", "--tone", "loud", "--session", "refused-1");
        Cli.Result status = cli.run("event", "--agent", "a", "--status", "sleeping", "--session", "alpha");
        Cli.Result json = cli.runWithInput("[1]", "event", "-");

        assertThat(tone.exitCode()).isEqualTo(1);
        assertThat(tone.err()).contains("the server refused /set-status (400): invalid tone");
        assertThat(status.exitCode()).isEqualTo(1);
        assertThat(status.err()).contains("invalid status");
        assertThat(json.exitCode()).isEqualTo(1);
        assertThat(json.err()).contains("invalid payload");
        assertThat(metadata("refused-1").isMissingNode()).as("nothing stored").isTrue();
    }

    @Test
    void doctorSeesThisServerFollowingTmux() throws Exception {
        Cli.Result doctor = cli.run("doctor");

        assertThat(doctor.exitCode()).as(doctor.all()).isZero();
        assertThat(doctor.out()).contains("ok       port      " + cli.port() + ": this opensessions server answers")
                .contains("ok       token     ").contains("(mode 600)")
                .contains("ok       runtime   ").contains("(mode 700)")
                .contains("ok       control   the server follows tmux in control mode");
    }

    @Test
    void restartRunsANewServerThatKeepsThePushedState() throws Exception {
        assertThat(cli.run("set-status", "before restart", "--session", "restart-1").exitCode()).isZero();
        String before = cli.run("status").out();

        Cli.Result restart = cli.run("restart");

        assertThat(restart.exitCode()).as(restart.all()).isZero();
        assertThat(restart.out()).startsWith("opensessions stopped\nopensessions is running at ");
        assertThat(cli.run("status").out()).isNotEqualTo(before);
        Await.until(() -> metadata("restart-1").path("status").path("text").asText().equals("before restart"),
                Duration.ofSeconds(10), "status kept across the restart");
    }

    private static JsonNode metadata(String session) {
        return state().path("metadata").path(session);
    }

    private static JsonNode agents(String session) {
        for (JsonNode entry : state().path("sessions")) {
            if (entry.path("name").asText().equals(session)) {
                return entry.path("agents");
            }
        }
        return new ObjectMapper().createArrayNode();
    }

    private static JsonNode state() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + cli.port() + "/api/state")).build(), HttpResponse.BodyHandlers.ofString());
            return new ObjectMapper().readTree(response.body());
        } catch (IOException | InterruptedException failure) {
            throw new AssertionError("GET /api/state failed", failure);
        }
    }

    private static String pane(String session) throws Exception {
        return tmux("display-message", "-p", "-t", "=" + session + ":", "#{pane_id}").strip();
    }

    private static String tmux(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("tmux " + String.join(" ", args)).isTrue();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
