package dev.opensessions.server.acceptance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * What every case of a tmux with the plugin installed the TPM way stands on: a private home, the
 * {@link TmuxWithPlugin} with a first session {@code alpha}, and the user's attached terminal, all torn
 * down after the case whether it passed or not.
 */
abstract class PluginTest {

    /** A cold JVM start on a loaded two-core machine has taken 20 s. */
    static final Duration SERVER_START = Duration.ofSeconds(90);

    @TempDir
    Path home;
    TmuxWithPlugin setup;
    TerminalClient client;

    @AfterEach
    void tearDown() throws Exception {
        if (client != null) {
            client.close();
        }
        if (setup != null) {
            setup.close();
        }
    }

    /** Starts tmux with the plugin and the session {@code alpha}; {@code wrapper} as for {@link TmuxWithPlugin#start}. */
    PrivateTmux withPlugin(Installation installation, List<String> wrapper) throws IOException, InterruptedException {
        setup = TmuxWithPlugin.start(home, installation, "alpha", wrapper);
        return setup.tmux();
    }

    /** Attaches the user's terminal to a session. */
    void attach(PrivateTmux tmux, String session) throws IOException {
        client = TerminalClient.attach(tmux, session);
    }

    /** The messages tmux showed on the user's client (tmux keeps them per client), one a line. */
    String messages(PrivateTmux tmux) {
        return tmux.tryRun("show-messages", "-t", client.tty()).lines()
                .filter(line -> line.contains(" message: ")).reduce("", (all, line) -> all + line + "\n");
    }
}
