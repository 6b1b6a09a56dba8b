package dev.opensessions.adapters.tmux.git;

import java.util.Objects;

/**
 * One finished git process: its exit code and everything it printed on stdout.
 *
 * @param output stdout decoded as UTF-8 ({@code LC_ALL=C} makes git print raw bytes, which are UTF-8 here)
 */
public record GitRun(int exitCode, String output) {

    public GitRun {
        Objects.requireNonNull(output, "output");
    }

    public boolean succeeded() {
        return exitCode == 0;
    }

    /** The output without the line break git ends single-value answers with. */
    public String line() {
        return output.strip();
    }
}
