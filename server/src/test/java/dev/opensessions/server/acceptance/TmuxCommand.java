package dev.opensessions.server.acceptance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One tmux command against a socket, as an argument vector, with its exit code and output. */
record TmuxCommand(int exit, String output) {

    static TmuxCommand run(Path socket, String... arguments) {
        List<String> argv = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
        argv.addAll(Arrays.asList(arguments));
        try {
            ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
            builder.environment().remove("TMUX");
            builder.environment().remove("TMUX_PANE");
            // Panes run a plain sh: a user's shell start-up files (slow, or waiting on locks) are no part of a case.
            builder.environment().put("SHELL", "/bin/sh");
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("tmux " + argv + " hung");
            }
            return new TmuxCommand(process.exitValue(), output);
        } catch (IOException failure) {
            throw new AssertionError("tmux " + argv, failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }
}
