package dev.opensessions.server.launcher;

import dev.opensessions.protocol.ProtocolVersion;
import dev.opensessions.server.ServerKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The bash launcher and the Java server must agree on where a server listens, or scripts miss it. */
class LauncherScriptTest {

    private static final Path LAUNCHER = Path.of("..", "bin", "opensessions").toAbsolutePath().normalize();

    @Test
    void launcherExpectsTheServersVersionLine() throws IOException {
        assertThat(Files.readString(LAUNCHER))
                .contains("VERSION_LINE=\"" + ProtocolVersion.VERSION_LINE + "\"");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "", "/tmp/tmux-0/default,1,0", "/tmp/tmux-1000/work,77,3", "/private/tmp/tmux-501/ü-项目,5,0",
            "/tmp/tmux-0/with space;and'quote,1,0"})
    void launcherDerivesTheSamePortAsTheServer(String tmux) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("TMUX", tmux);

        String url = run(env, "url");

        assertThat(url).isEqualTo("http://127.0.0.1:" + ServerKey.fromEnvironment(env).port());
    }

    @ParameterizedTest
    @ValueSource(strings = {"42", "007", "x1", "99999999999"})
    void launcherTreatsExplicitKeysAsTheServerDoes(String explicit) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("OPENSESSIONS_SERVER_KEY", explicit);
        env.put("TMUX", "/tmp/tmux-1000/work,1,0");

        assertThat(run(env, "url")).isEqualTo("http://127.0.0.1:" + ServerKey.fromEnvironment(env).port());
    }

    @Test
    void unknownCommandPrintsUsageAndFails() throws Exception {
        Process process = start(Map.of(), "frobnicate");
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8)).contains("Usage:");
    }

    private static String run(Map<String, String> env, String command) throws Exception {
        Process process = start(env, command);
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        assertThat(process.exitValue()).isZero();
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    }

    private static Process start(Map<String, String> env, String command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(LAUNCHER.toString(), command);
        builder.environment().remove("TMUX");
        builder.environment().remove("OPENSESSIONS_PORT");
        builder.environment().remove("OPENSESSIONS_SERVER_KEY");
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }
}
