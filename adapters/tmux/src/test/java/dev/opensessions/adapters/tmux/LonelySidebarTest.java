package dev.opensessions.adapters.tmux;

import dev.opensessions.application.testkit.Await;
import dev.opensessions.domain.session.SessionName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/reference/sidebar.md#no-window-holds-only-sidebars: no window is left holding only its sidebar, shown or hidden.
 */
class LonelySidebarTest {

    @Test
    void aWindowWhoseLastContentPaneExitsIsClosed() {
        try (Sidebars s = Sidebars.withSession("work")) {
            s.panes.maintain(true, Sidebars.WIDTH);
            String first = s.window("work");
            String second = s.tmux.run("new-window", "-d", "-t", "=work:", "-P", "-F", "#{window_id}").getFirst();
            s.panes.open(second);
            String content = s.tmux.run("list-panes", "-t", second, "-F", "#{pane_id} #{pane_title}").stream()
                    .filter(line -> !line.endsWith(TmuxPane.SIDEBAR_TITLE)).findFirst().orElseThrow().split(" ")[0];
            // Hidden or shown, the cleanup runs.
            s.panes.maintain(false, Sidebars.WIDTH);

            s.tmux.run("kill-pane", "-t", content);

            Await.until(() -> !s.windowIds().contains(second), Sidebars.WAIT, "lonely window closed");
            assertThat(s.windowIds()).containsExactly(first);
            assertThat(s.tmux.run("list-sessions", "-F", "#{session_name}")).containsExactly("work");
        }
    }

    @Test
    void theOnlyShellOfASessionExitingEndsItAndTheClientLandsOnThePreviousSession() {
        try (Sidebars s = Sidebars.withSession("a")) {
            s.tmux.run("new-session", "-d", "-s", "b");
            s.tmux.run("new-session", "-d", "-s", "c");
            s.order.addAll(List.of(SessionName.of("c"), SessionName.of("b"), SessionName.of("a")));
            s.panes.maintain(true, Sidebars.WIDTH);
            String tty = s.tmux.attachClient(s.tmux.sessionId("b"));
            String window = s.window("b");
            s.awaitSidebar(window, "sidebar in b");
            String shell = s.tmux.run("list-panes", "-t", window, "-F", "#{pane_id} #{pane_title}").stream()
                    .filter(line -> !line.endsWith(TmuxPane.SIDEBAR_TITLE)).findFirst().orElseThrow().split(" ")[0];
            String c = s.tmux.sessionId("c");

            exit(s, shell);

            Await.until(() -> !s.tmux.run("list-sessions", "-F", "#{session_name}").contains("b"), Sidebars.WAIT,
                    "session b ended");
            assertThat(s.tmux.clientSession(tty)).as("previous in display order").isEqualTo(c);
            assertThat(s.tmux.run("list-sessions", "-F", "#{session_name}")).containsExactlyInAnyOrder("a", "c");
        }
    }

    /** The shell's process ends, as when its user types {@code exit}. */
    private static void exit(Sidebars s, String pane) {
        String pid = s.tmux.run("display-message", "-p", "-t", pane, "#{pane_pid}").getFirst();
        try {
            Process kill = new ProcessBuilder("kill", "-KILL", pid).inheritIO().start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill " + pid).isTrue();
        } catch (IOException | InterruptedException failed) {
            throw new AssertionError(failed);
        }
    }
}
