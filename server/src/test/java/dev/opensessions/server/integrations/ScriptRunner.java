package dev.opensessions.server.integrations;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a script of the checkout the way an agent or a user runs it: a private HOME, none of the caller's
 * tmux or opensessions variables, the given stdin, and bounded waits for the exit and for both outputs to
 * close (a background child that kept them open would make the agent wait too).
 */
final class ScriptRunner {

    static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final long BOUND_S = 20;

    record Result(int exitCode, String stdout, String stderr) {
    }

    private final Path home;
    private final Map<String, String> env = new HashMap<>();

    ScriptRunner(Path home) {
        this.home = home;
    }

    ScriptRunner with(String name, String value) {
        env.put(name, value);
        return this;
    }

    Result run(String script, String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(REPO.resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(name -> name.startsWith("TMUX") || name.startsWith("OPENSESSIONS_")
                || name.startsWith("CODEX_") || name.startsWith("CLAUDE_") || name.startsWith("PI_CODING_AGENT"));
        environment.put("HOME", home.toString());
        environment.putAll(env);
        Process process = builder.start();
        CompletableFuture<String> stdout = drain(process.getInputStream());
        CompletableFuture<String> stderr = drain(process.getErrorStream());
        try (OutputStream in = process.getOutputStream()) {
            in.write(stdin.getBytes(StandardCharsets.UTF_8));
        } catch (IOException closedEarly) {
            // A script that needs no stdin may exit before reading it; what it did is checked by the caller.
        }
        if (!process.waitFor(BOUND_S, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(script + " did not exit within " + BOUND_S + " s");
        }
        return new Result(process.exitValue(), closed(stdout, script), closed(stderr, script));
    }

    private static CompletableFuture<String> drain(InputStream stream) {
        return CompletableFuture.supplyAsync(() -> {
            try (stream) {
                return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException failure) {
                throw new IllegalStateException(failure);
            }
        });
    }

    private static String closed(CompletableFuture<String> output, String script) throws InterruptedException {
        try {
            return output.get(BOUND_S, TimeUnit.SECONDS);
        } catch (TimeoutException stillOpen) {
            throw new AssertionError(script + " exited but something it started kept its output open");
        } catch (ExecutionException failure) {
            throw new AssertionError(failure.getCause());
        }
    }
}
