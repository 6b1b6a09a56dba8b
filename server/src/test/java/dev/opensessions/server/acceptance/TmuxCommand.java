package dev.opensessions.server.acceptance;

import java.nio.file.Path;

/** One tmux command against a socket, as an argument vector, with its exit code and output. */
record TmuxCommand(int exit, String output) {

    static TmuxCommand run(Path socket, String... arguments) {
        dev.opensessions.testkit.PrivateTmux.Outcome outcome =
                dev.opensessions.testkit.PrivateTmux.atSocket(socket).exec(arguments);
        return new TmuxCommand(outcome.exit(), outcome.output());
    }
}
