package dev.opensessions.server.acceptance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * What every acceptance case of the sidebar's rules (docs/reference/sidebar.md#rules) stands on: its own tmux server,
 * folders, attached terminals and opensessions server, all torn down after the case whether it passed or not.
 */
abstract class AcceptanceTest {

    @TempDir
    Path home;
    PrivateTmux tmux;
    Opensessions opensessions;
    private final List<TerminalClient> clients = new ArrayList<>();

    @AfterEach
    void tearDown() throws Exception {
        try {
            if (opensessions != null) {
                opensessions.close();
            }
        } finally {
            clients.forEach(TerminalClient::close);
            if (tmux != null) {
                tmux.close();
            }
            // The link to the package is removed here, so that cleaning the temp folder never reaches it.
            Files.deleteIfExists(home.resolve("install").resolve("server").resolve("target").resolve("quarkus-app"));
        }
    }

    /** A plain folder for a session's working directory. */
    Path folder(String name) throws IOException {
        return Files.createDirectories(home.resolve("work").resolve(name));
    }

    /** Creates the tmux server's first session; the server starts later, from a pane. */
    String session(String name, Path directory) throws IOException {
        if (tmux == null) {
            tmux = new PrivateTmux(home.resolve("tmux.sock"));
            opensessions = new Opensessions(home, tmux);
        }
        return tmux.newSession(name, directory);
    }

    String session(String name) throws IOException {
        return session(name, folder(name));
    }

    TerminalClient attach(String session) throws IOException {
        TerminalClient client = TerminalClient.attach(tmux, session);
        clients.add(client);
        return client;
    }

    /**
     * {@code bin/opensessions start} typed in {@code pane}: the server starts and opens the sidebar of that
     * pane's window; returns that sidebar once it has painted its list.
     */
    String startFrom(String pane) throws IOException, InterruptedException {
        opensessions.start(pane);
        return paintedSidebarIn(tmux.windowOf(pane));
    }

    /** The one sidebar of a window, once it shows the session list. */
    String paintedSidebarIn(String window) {
        Eventually.until(() -> tmux.sidebarsIn(window).size() == 1, "one sidebar in " + window,
                () -> String.join("\n", tmux.panes()));
        String sidebar = tmux.sidebarsIn(window).getFirst();
        awaitScreen(sidebar, SidebarScreen::painted, "sidebar " + sidebar + " painted");
        return sidebar;
    }

    SidebarScreen screen(String pane) {
        return new SidebarScreen(tmux.screen(pane));
    }

    /** Waits until the pane's screen satisfies the check; fails showing the last screen seen. */
    SidebarScreen awaitScreen(String pane, Predicate<SidebarScreen> check, String what) {
        Eventually.until(() -> check.test(screen(pane)), what, () -> tmux.screen(pane));
        return screen(pane);
    }

    void awaitClientOn(TerminalClient client, String session) {
        Eventually.until(() -> tmux.clientSession(client.tty()).equals(session), "client on " + session,
                () -> tmux.clientSession(client.tty()));
    }

    void awaitWidth(String pane, int width) {
        Eventually.until(() -> tmux.width(pane) == width, "pane " + pane + " " + width + " columns wide",
                () -> "width " + tmux.width(pane) + "\n" + String.join("\n", tmux.panes()));
    }

    /** Checks a pane's width stays put for a while (a repair that is undone again would show here). */
    boolean widthStays(String pane, int width) {
        return Eventually.holds(() -> tmux.width(pane) == width, Duration.ofMillis(600));
    }
}
