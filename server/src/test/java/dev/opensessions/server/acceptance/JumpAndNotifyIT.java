package dev.opensessions.server.acceptance;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An agent that needs the user, end to end through the plugin and two real terminals whose keys go through
 * tmux's key tables: both attached clients are told when an agent turns waiting in a session neither shows
 * (on the status line, and as the terminal's own notification passed through tmux), and {@code prefix o n}
 * takes the pressing client to the agent's pane, then to the next one that needs the user, clearing the
 * unseen marker of a finished one it shows.
 */
class JumpAndNotifyIT {

    /** Generous: the first start after a build also records the JVM start-up cache, on a shared, loaded machine. */
    private static final Duration SERVER_START = Duration.ofSeconds(180);
    private static final Duration TOLD = Duration.ofSeconds(20);

    @TempDir
    Path home;
    private TmuxWithPlugin setup;
    private TerminalClient first;
    private TerminalClient second;

    @AfterEach
    void tearDown() throws Exception {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        if (setup != null) {
            setup.close();
        }
    }

    @Test
    void bothClientsAreToldAndTheJumpKeyVisitsEveryAgentThatNeedsTheUserInTurn() throws Exception {
        Path config = Files.createDirectories(home.resolve("config/opensessions")).resolve("config.json");
        Files.writeString(config, "{\"sidebarWidth\": 36}\n");
        setup = TmuxWithPlugin.start(home, Installation.of(home.resolve("install")), "alpha", List.of());
        PrivateTmux tmux = setup.tmux();
        tmux.run("set-option", "-g", "allow-passthrough", "on");
        Path work = home.resolve("work");
        String betaShell = tmux.newSession("beta", work);
        String betaAgent = tmux.splitRight(betaShell);
        String gammaAgent = tmux.newSession("gamma", work);
        String deltaAgent = tmux.newSession("delta", work);
        Path firstScreen = home.resolve("first.typescript");
        Path secondScreen = home.resolve("second.typescript");
        first = TerminalClient.attach(tmux, "alpha", firstScreen);
        second = TerminalClient.attach(tmux, "alpha", secondScreen);

        first.pressAfterPrefix("o", "t");
        Eventually.until(() -> tmux.sidebarsIn(tmux.windows("alpha").getFirst()).size() == 1, SERVER_START,
                "a sidebar in alpha's window", () -> String.join("\n", tmux.panes()));
        String sidebar = tmux.sidebarsIn(tmux.windows("alpha").getFirst()).getFirst();
        Eventually.until(() -> tmux.screen(sidebar).contains("delta"), TOLD, "the list painted",
                () -> tmux.screen(sidebar));

        // Waiting in beta's second pane, which no client shows: both terminals are told.
        event("codex", "waiting", betaAgent, "t-beta", "plan");
        String told = "opensessions: codex (plan) in beta waits for you";
        // The terminal's own notification (OSC 9) passed through the sidebar pane both clients show, and the
        // message on both status lines: the text twice. The notification comes first, before the message froze
        // the clients (tmux drops what a pane passes through to a client while it shows a message).
        String osc = "\u001b]9;" + told + "\u0007";
        Eventually.until(() -> toldTwice(firstScreen, told) && toldTwice(secondScreen, told), TOLD,
                "OSC 9 and the message on both clients", () -> shown(firstScreen) + "\n----\n" + shown(secondScreen));
        for (Path screen : List.of(firstScreen, secondScreen)) {
            assertThat(shown(screen).indexOf(told)).as("the first text told is the notification's")
                    .isEqualTo(shown(screen).indexOf(osc) + "\u001b]9;".length());
        }
        // The messages waited for tmux's answer to the status report request behind the notification, not for
        // the time limit.
        assertThat(shown(setup.runtimeDir().resolve("server.log"))).doesNotContain("did not confirm");

        event("codex", "waiting", gammaAgent, "t-gamma", "tests");
        event("amp", "done", deltaAgent, "t-delta", "deploy");
        Eventually.until(() -> tmux.screen(sidebar).contains("⚑3"), TOLD, "three agents need the user",
                () -> tmux.screen(sidebar));

        // The agent that has waited longest first, its pane selected; the other client stays.
        first.pressAfterPrefix("o", "n");
        awaitOn(tmux, first, "beta", betaAgent);
        assertThat(tmux.clientSession(second.tty())).isEqualTo("alpha");

        // Again: the next one waiting, not the one just visited.
        first.pressAfterPrefix("o", "n");
        awaitOn(tmux, first, "gamma", gammaAgent);

        // Then the finished one nobody has seen; showing it clears its marker.
        first.pressAfterPrefix("o", "n");
        awaitOn(tmux, first, "delta", deltaAgent);
        String deltaSidebar = sidebarIn(tmux, "delta");
        Eventually.until(() -> new SidebarScreen(tmux.screen(deltaSidebar)).unseenCount() == 0, TOLD,
                "the finished agent's marker cleared", () -> tmux.screen(deltaSidebar));
        assertThat(tmux.screen(deltaSidebar).lines().findFirst().orElseThrow()).contains("⚑2");
        assertThat(tmux.clientSession(second.tty())).isEqualTo("alpha");
    }

    private void event(String agent, String status, String pane, String thread, String name) throws Exception {
        TmuxCommand run = setup.run(setup.installation().launcher(), "event", "--agent", agent, "--status", status,
                "--pane", pane, "--thread", thread, "--name", name);
        assertThat(run.exit()).as(run.output()).isZero();
    }

    /** Waits until the client shows the session with the agent's pane as its active pane. */
    private static void awaitOn(PrivateTmux tmux, TerminalClient client, String session, String pane) {
        Eventually.until(() -> tmux.clientSession(client.tty()).equals(session)
                        && clientPane(tmux, client).equals(pane), TOLD, "client on " + session + " at " + pane,
                () -> tmux.clientSession(client.tty()) + " " + clientPane(tmux, client));
    }

    private static String clientPane(PrivateTmux tmux, TerminalClient client) {
        return tmux.tryRun("display-message", "-p", "-c", client.tty(), "#{pane_id}").strip();
    }

    private static String sidebarIn(PrivateTmux tmux, String session) {
        Eventually.until(() -> tmux.sidebarsIn(tmux.windows(session).getFirst()).size() == 1, TOLD,
                "a sidebar in " + session, () -> String.join("\n", tmux.panes()));
        return tmux.sidebarsIn(tmux.windows(session).getFirst()).getFirst();
    }

    /** The text is on the terminal twice: in the terminal notification and on the status line. */
    private static boolean toldTwice(Path typescript, String told) {
        String screen = shown(typescript);
        int first = screen.indexOf(told);
        return first >= 0 && screen.indexOf(told, first + told.length()) >= 0;
    }

    /** Everything tmux wrote to a client's terminal so far (or a file's text; empty while it is missing). */
    private static String shown(Path typescript) {
        try {
            return new String(Files.readAllBytes(typescript), StandardCharsets.UTF_8);
        } catch (IOException unreadable) {
            return "";
        }
    }
}
