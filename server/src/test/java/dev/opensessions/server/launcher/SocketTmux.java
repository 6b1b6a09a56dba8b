package dev.opensessions.server.launcher;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A tmux command against a test's private tmux server at its socket, outside any tmux the tests run in. */
final class SocketTmux {

    private SocketTmux() {
    }

    /** Runs tmux with {@code arguments} on the server at {@code socket} and returns what it printed, errors included. */
    static String run(Path socket, String... arguments) {
        List<String> argv = new ArrayList<>(List.of("tmux", "-S", socket.toString()));
        argv.addAll(List.of(arguments));
        try {
            ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
            builder.environment().remove("TMUX");
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(10, TimeUnit.SECONDS);
            return output;
        } catch (IOException | InterruptedException failure) {
            throw new AssertionError("tmux " + argv, failure);
        }
    }
}
