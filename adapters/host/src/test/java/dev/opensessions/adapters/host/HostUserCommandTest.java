package dev.opensessions.adapters.host;

import dev.opensessions.application.port.out.UserCommand.StartOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

class HostUserCommandTest {

    @TempDir
    Path dir;

    @Test
    void theProgramReadsTheTextOnItsInputAndGetsItsArgumentsAsTheyAre() throws Exception {
        Path out = dir.resolve("a file; $(touch pwned)");

        assertThat(new HostUserCommand(2).start(List.of("tee", out.toString()), "{\"status\":\"waiting\"}\n",
                Duration.ofSeconds(20))).isEqualTo(new StartOutcome.Started());

        waitFor(() -> Files.exists(out) && readable(out).contains("waiting"));
        assertThat(readable(out)).isEqualTo("{\"status\":\"waiting\"}\n");
        assertThat(dir.resolve("pwned")).doesNotExist();
    }

    @Test
    void aProgramPastItsTimeoutIsKilledAndFreesItsPlace() {
        HostUserCommand command = new HostUserCommand(1);

        assertThat(command.start(List.of("sleep", "60"), "", Duration.ofMillis(300))).isEqualTo(new StartOutcome.Started());
        assertThat(command.start(List.of("true"), "", Duration.ofSeconds(5))).isEqualTo(new StartOutcome.Busy());

        waitFor(() -> command.start(List.of("true"), "", Duration.ofSeconds(5)) instanceof StartOutcome.Started);
    }

    @Test
    void aMissingProgramIsSaidAndTakesNoPlace() {
        HostUserCommand command = new HostUserCommand(1);

        assertThat(command.start(List.of(dir.resolve("no-such-program").toString()), "", Duration.ofSeconds(1)))
                .isInstanceOf(StartOutcome.NotStarted.class);
        assertThat(command.start(List.of("true"), "", Duration.ofSeconds(5))).isEqualTo(new StartOutcome.Started());
    }

    private static String readable(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            return "";
        }
    }

    /** Polls with a deadline generous for a loaded machine. */
    private static void waitFor(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as("waited 20 s").isNegative();
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
