package dev.opensessions.server.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shell API commands refuse wrong arguments before any request (usage on stderr, exit 2) and say
 * plainly when no server listens (exit 1).
 */
class ApiArgumentsTest {

    @TempDir
    Path home;

    @ParameterizedTest
    @ValueSource(strings = {
            "set-status", "set-status|a|b", "set-status|a|--tone", "set-status|a|--bogus|b", "set-status|a|-x",
            "set-progress", "set-progress|3", "set-progress|x|10", "set-progress|007|10", "set-progress|1|2|3",
            "set-progress|--clear|3", "set-progress|--clear|--label|l",
            "log", "log|", "log|a|b", "log|a|--tone|info|--level|info", "notify", "notify|m|--source",
            "clear-log|extra", "event", "event|--status|done|--session|s", "event|--agent|a|--session|s",
            "event|--agent|a|--status|done|extra", "event|-|--agent|a"})
    void wrongArgumentsPrintTheCommandsUsageAndExitTwo(String line) throws Exception {
        String[] args = line.split("\\|", -1);
        Cli cli = new Cli(Cli.CHECKOUT_LAUNCHER, home).with("TMUX", "/nonexistent/socket,1,0").with("TMUX_PANE", "%1");

        Cli.Result result = cli.run(args);

        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.err()).contains("Usage: opensessions " + args[0]);
        assertThat(result.out()).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"set-status|hi", "set-progress|1|2", "log|hi", "notify|hi", "clear-log",
            "event|--agent|a|--status|done"})
    void outsideTmuxTheSessionMustBeNamed(String line) throws Exception {
        String[] args = line.split("\\|");

        Cli.Result result = new Cli(Cli.CHECKOUT_LAUNCHER, home).run(args);

        assertThat(result.exitCode()).as(result.all()).isEqualTo(2);
        assertThat(result.err()).contains("not inside tmux: give --session").contains("Usage: opensessions " + args[0]);
    }

    @Test
    void aStoppedServerIsNamedWithHowToStartIt() throws Exception {
        Cli cli = new Cli(Cli.CHECKOUT_LAUNCHER, home);

        Cli.Result result = cli.run("log", "hello", "--session", "s");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).isEqualTo("opensessions: the server is not running at http://127.0.0.1:" + cli.port()
                + "; start it with: opensessions start\n");
    }
}
