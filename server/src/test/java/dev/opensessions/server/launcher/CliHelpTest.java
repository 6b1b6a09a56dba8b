package dev.opensessions.server.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command of {@code bin/opensessions} has help, reachable as {@code help <command>} and {@code --help}. */
class CliHelpTest {

    private static final String[] COMMANDS = {"start", "stop", "restart", "status", "url", "doctor", "sidebar",
            "toggle", "popup", "set-status", "set-progress", "log", "clear-log", "notify", "event", "integrate",
            "explain", "help"};

    @TempDir
    Path home;

    @ParameterizedTest
    @ValueSource(strings = {"start", "stop", "restart", "status", "url", "doctor", "sidebar", "toggle", "popup",
            "set-status", "set-progress", "log", "clear-log", "notify", "event", "integrate", "explain", "help"})
    void everyCommandHasHelpBothWays(String command) throws Exception {
        Cli cli = new Cli(Cli.CHECKOUT_LAUNCHER, home);

        Cli.Result viaHelp = cli.run("help", command);
        Cli.Result viaFlag = cli.run(command, "--help");
        Cli.Result viaShortFlag = cli.run(command, "-h");

        assertThat(viaHelp.exitCode()).as(viaHelp.all()).isZero();
        assertThat(viaHelp.out()).startsWith("Usage: opensessions " + command).contains("\n\n");
        assertThat(viaFlag.exitCode()).as(viaFlag.all()).isZero();
        assertThat(viaFlag.out()).isEqualTo(viaHelp.out());
        assertThat(viaShortFlag.out()).isEqualTo(viaHelp.out());
    }

    @Test
    void theUsageListsEveryCommand() throws Exception {
        Cli cli = new Cli(Cli.CHECKOUT_LAUNCHER, home);

        for (String[] args : new String[][] {{}, {"help"}, {"--help"}, {"-h"}}) {
            Cli.Result usage = cli.run(args);
            assertThat(usage.exitCode()).as(usage.all()).isZero();
            assertThat(usage.out()).startsWith("Usage: opensessions <command>");
            for (String command : COMMANDS) {
                assertThat(usage.out()).contains("\n  " + command + " ");
            }
        }
    }

    @Test
    void helpForAnUnknownCommandFailsWithTheUsage() throws Exception {
        Cli.Result result = new Cli(Cli.CHECKOUT_LAUNCHER, home).run("help", "frobnicate");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("no such command: frobnicate").contains("Usage: opensessions <command>");
    }
}
