package dev.opensessions.application.port.out;

import java.time.Duration;
import java.util.List;

/**
 * Starts a program the user configured (an argument vector, never a shell string) with a text on its standard
 * input, without waiting for it: it is killed after the timeout, and only a few run at once.
 */
public interface UserCommand {

    StartOutcome start(List<String> argv, String stdin, Duration timeout);

    /** A machine that runs no programs. */
    static UserCommand none() {
        return (argv, stdin, timeout) -> new StartOutcome.NotStarted("no programs are run here");
    }

    /** What became of a start. */
    sealed interface StartOutcome {
        record Started() implements StartOutcome {
        }

        /** As many as allowed still run; this one was not started. */
        record Busy() implements StartOutcome {
        }

        record NotStarted(String reason) implements StartOutcome {
        }
    }
}
