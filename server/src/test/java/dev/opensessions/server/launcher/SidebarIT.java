package dev.opensessions.server.launcher;

import dev.opensessions.application.testkit.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README promise in tmux: {@code bin/opensessions start} from a pane opens a sidebar next to it, drawn
 * by the server through the real pane shim, and a key in the sidebar switches the user's client.
 */
class SidebarIT {

    @TempDir
    Path home;
    private Path socket;
    private Process client;

    @AfterEach
    void cleanUp() throws Exception {
        if (client != null) {
            client.destroyForcibly();
        }
        if (socket != null) {
            tmux("kill-server");
        }
    }

    @Test
    void startOpensTheSidebarAndAKeySwitchesTheClient() throws Exception {
        socket = home.resolve("tmux.sock");
        tmux("-f", "/dev/null", "new-session", "-d", "-s", "alpha", "-x", "120", "-y", "40");
        tmux("new-session", "-d", "-s", "beta");
        String pane = tmux("display-message", "-p", "-t", "=alpha:", "#{pane_id}").strip();
        String tty = attachClient("alpha");

        LauncherProcess launcher = new LauncherProcess(home).inTmux(socket.toString()).inPane(pane);
        LauncherProcess.Result start = launcher.run("start");
        assertThat(start.exitCode()).as(start.output()).isZero();

        Await.until(() -> sidebarPane().isPresent(), Duration.ofSeconds(10), "sidebar pane opened");
        String sidebar = sidebarPane().orElseThrow();
        Await.until(() -> screen(sidebar).contains("sessions") && screen(sidebar).contains("beta"),
                Duration.ofSeconds(10), "sidebar painted: " + screen(sidebar));
        assertThat(screen(sidebar)).contains("alpha");

        tmux("send-keys", "-t", sidebar, "2");
        Await.until(() -> clientSession(tty).equals("beta"), Duration.ofSeconds(10), "client switched to beta");

        assertThat(launcher.run("sidebar").exitCode()).as("a second sidebar is not opened").isZero();
        assertThat(tmux("list-panes", "-t", "=alpha:", "-F", "#{pane_title}").lines()
                .filter("opensessions-sidebar"::equals).count()).isEqualTo(1);
        launcher.run("stop");
    }

    private java.util.Optional<String> sidebarPane() {
        return tmux("list-panes", "-a", "-F", "#{pane_id} #{pane_title}").lines()
                .filter(line -> line.endsWith(" opensessions-sidebar"))
                .map(line -> line.substring(0, line.indexOf(' ')))
                .findFirst();
    }

    private String screen(String pane) {
        return tmux("capture-pane", "-p", "-t", pane);
    }

    private String clientSession(String tty) {
        return tmux("display-message", "-p", "-c", tty, "#{client_session}").strip();
    }

    /** A real user client in a terminal made by {@code script}; returns its tty. */
    private String attachClient(String session) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("script", "-qfc",
                "tmux -S " + socket + " attach-session -t " + session, "/dev/null")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectErrorStream(true);
        builder.environment().remove("TMUX");
        builder.environment().put("TERM", "xterm-256color");
        client = builder.start();
        Await.until(() -> !tmux("list-clients", "-F", "#{client_tty}").isBlank(), Duration.ofSeconds(10),
                "client attached");
        return tmux("list-clients", "-F", "#{client_tty}").lines().findFirst().orElseThrow();
    }

    private String tmux(String... arguments) {
        return SocketTmux.run(socket, arguments);
    }
}
