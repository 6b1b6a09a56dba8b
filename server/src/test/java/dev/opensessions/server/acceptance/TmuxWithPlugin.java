package dev.opensessions.server.acceptance;

import dev.opensessions.server.ServerKey;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A user's tmux server with opensessions installed the TPM way: its config file only runs
 * {@code opensessions.tmux} with {@code run-shell}; the server gets a private home, XDG folders and port
 * through its environment, which tmux hands on to every key binding's script.
 */
final class TmuxWithPlugin implements AutoCloseable {

    private final Path home;
    private final Installation installation;
    private final PrivateTmux tmux;
    private final int port;

    private TmuxWithPlugin(Path home, Installation installation, PrivateTmux tmux, int port) {
        this.home = home;
        this.installation = installation;
        this.tmux = tmux;
        this.port = port;
    }

    /**
     * Starts tmux with the plugin's config and a first session; {@code wrapper} runs before tmux (for
     * instance to hide the JDKs), empty for none.
     */
    static TmuxWithPlugin start(Path home, Installation installation, String session, List<String> wrapper)
            throws IOException, InterruptedException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path config = home.resolve("tmux.conf");
        // tmux's own quoting: the path in single quotes, as a user would write it.
        Files.writeString(config, "run-shell '" + installation.plugin() + "'\n");
        Path work = Files.createDirectories(home.resolve("work"));
        PrivateTmux tmux = new PrivateTmux(home.resolve("tmux.sock"));
        TmuxWithPlugin setup = new TmuxWithPlugin(home, installation, tmux, port);
        List<String> argv = new ArrayList<>(wrapper);
        argv.addAll(List.of("tmux", "-S", tmux.socket().toString(), "-f", config.toString(), "new-session", "-d",
                "-s", session, "-x", Integer.toString(PrivateTmux.COLUMNS), "-y", Integer.toString(PrivateTmux.ROWS),
                "-c", work.toString()));
        Process process = setup.builder(argv).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new AssertionError("tmux with the plugin did not start: " + output);
        }
        return setup;
    }

    /** The port the server listens on (its {@code OPENSESSIONS_PORT}). */
    int port() {
        return port;
    }

    PrivateTmux tmux() {
        return tmux;
    }

    Installation installation() {
        return installation;
    }

    /** The environment the tmux server (and so every plugin script) runs with. */
    Map<String, String> environment() {
        Map<String, String> env = new HashMap<>();
        env.put("HOME", home.toString());
        env.put("XDG_STATE_HOME", home.resolve("state").toString());
        env.put("XDG_CONFIG_HOME", home.resolve("config").toString());
        env.put("XDG_RUNTIME_DIR", home.resolve("run").toString());
        env.put("OPENSESSIONS_PORT", Integer.toString(port));
        // Panes run a plain sh: a user's shell start-up files are no part of a case.
        env.put("SHELL", "/bin/sh");
        env.put("TERM", "xterm-256color");
        return env;
    }

    /** The runtime folder of this tmux server's opensessions (as the launcher names it, for this user). */
    Path runtimeDir() throws IOException {
        String label = ServerKey.fromEnvironment(Map.of("TMUX", tmux.socket() + ",1,0")).label();
        Object uid = Files.getAttribute(home, "unix:uid");
        return home.resolve("run").resolve("opensessions-" + uid).resolve(label);
    }

    /** True when something accepts connections on the server's port. */
    boolean portOpen() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    /** Runs a plugin script as a user typing it in a shell inside this tmux; returns its exit code and output. */
    TmuxCommand runScript(String script, String... arguments) throws IOException, InterruptedException {
        return run(installation.pluginScript(script), arguments);
    }

    /** Runs a program with this tmux's environment, as tmux runs the plugin; returns its exit code and output. */
    TmuxCommand run(Path program, String... arguments) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(program.toString()));
        argv.addAll(List.of(arguments));
        ProcessBuilder builder = builder(argv);
        builder.environment().put("TMUX", tmux.socket() + ",1,0");
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(program + " hung");
        }
        return new TmuxCommand(process.exitValue(), output);
    }

    private ProcessBuilder builder(List<String> argv) throws IOException {
        Files.createDirectories(home.resolve("run"));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().remove("TMUX");
        builder.environment().remove("TMUX_PANE");
        builder.environment().remove("JAVA_HOME");
        builder.environment().putAll(environment());
        return builder;
    }

    /**
     * Ends whatever server the plugin started (killed at once, as {@link Opensessions#close()} does, else
     * {@code stop}), then the tmux server.
     */
    @Override
    public void close() throws IOException, InterruptedException {
        try {
            if (Opensessions.killRunning(runtimeDir().resolve("pid"))) {
                return;
            }
            ProcessBuilder stop = builder(List.of(installation.launcher().toString(), "stop"))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD);
            stop.environment().put("TMUX", tmux.socket() + ",1,0");
            stop.start().waitFor(30, TimeUnit.SECONDS);
        } finally {
            TmuxCommand.run(tmux.socket(), "kill-server");
            // The link to the package goes first, so that cleaning the temp folder never reaches it.
            Files.deleteIfExists(installation.root().resolve("server/target/quarkus-app"));
        }
    }
}

