package dev.opensessions.adapters.tmux;

import dev.opensessions.application.testkit.Await;
import dev.opensessions.domain.session.PaneId;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class TmuxSidebarPanesTest {

    @Test
    void aClientTurningToAWindowGetsASidebarThereButAScriptsSessionNever() {
        try (Sidebars s = Sidebars.withSession("work")) {
            s.panes.maintain(true, Sidebars.WIDTH);
            String tty = s.tmux.attachClient(s.tmux.sessionId("work"));
            String first = s.window("work");
            s.awaitSidebar(first, "sidebar where the client attached");
            String[] sidebar = s.sidebarsIn(first).getFirst().split(" ");
            assertThat(sidebar[1]).isEqualTo(Integer.toString(Sidebars.WIDTH));
            assertThat(s.tmux.run("display-message", "-p", "-t", sidebar[0],
                    "#{pane_left} #{pane_active} #{pane_current_path}"))
                    .as("left edge, not focused, in the content pane's folder")
                    .containsExactly("0 0 " + s.tmux.run("display-message", "-p", "-t", first,
                            "#{pane_current_path}").getFirst());

            s.tmux.run("new-session", "-d", "-s", "script");
            String second = s.tmux.run("new-window", "-t", "=work:", "-P", "-F", "#{window_id}").getFirst();
            s.awaitSidebar(second, "sidebar in the window the client turned to");

            // Reactions run in order: once the new window had its turn, the script's session had its own.
            assertThat(s.sidebarsIn(s.window("script"))).isEmpty();
            assertThat(s.sidebarsIn(first)).hasSize(1);
            assertThat(s.tmux.clientSession(tty)).isEqualTo(s.tmux.sessionId("work"));
        }
    }

    @Test
    void hiddenStaysHiddenAcrossSessionAndWindowSwitches() {
        try (Sidebars s = Sidebars.withSession("a")) {
            s.panes.maintain(false, Sidebars.WIDTH);
            s.tmux.run("new-session", "-d", "-s", "b");
            String tty = s.tmux.attachClient(s.tmux.sessionId("a"));
            s.tmux.run("switch-client", "-c", tty, "-t", "=b");
            String window = s.tmux.run("new-window", "-t", "=b:", "-P", "-F", "#{window_id}").getFirst();

            s.awaitHandled(snapshot -> SidebarLayout.windowOf(snapshot, tty).equals(Optional.of(window)),
                    "reacted to the last switch");
            for (String each : s.windowIds()) {
                assertThat(s.sidebarsIn(each)).as(each).isEmpty();
            }
        }
    }

    @Test
    void aSidebarItsUserClosedComesBackOnlyWhenTheClientReturnsToTheWindow() {
        try (Sidebars s = Sidebars.withSession("work")) {
            s.panes.maintain(true, Sidebars.WIDTH);
            String tty = s.tmux.attachClient(s.tmux.sessionId("work"));
            String first = s.window("work");
            s.awaitSidebar(first, "first sidebar");
            String closed = s.sidebarsIn(first).getFirst().split(" ")[0];

            s.tmux.run("kill-pane", "-t", closed);
            s.awaitHandled(snapshot -> snapshot.pane(closed).isEmpty(), "reacted to the closed sidebar");
            assertThat(s.sidebarsIn(first)).isEmpty();
            assertThat(s.panes.lacksSidebar(first)).isTrue();

            String second = s.tmux.run("new-window", "-t", "=work:", "-P", "-F", "#{window_id}").getFirst();
            s.awaitSidebar(second, "sidebar in the second window");
            s.tmux.run("select-window", "-t", first);
            s.awaitSidebar(first, "sidebar back after the client returned");
            assertThat(SidebarLayout.windowOf(s.running.snapshot(), tty)).contains(first);
        }
    }

    @Test
    void warmUpRanksTheOriginWindowThenItsSessionThenTheRestEachWindowOnce() {
        try (Sidebars s = Sidebars.withSession("a")) {
            s.panes.maintain(false, Sidebars.WIDTH);
            String a1 = s.window("a");
            String a2 = s.tmux.run("new-window", "-d", "-t", "=a:", "-P", "-F", "#{window_id}").getFirst();
            s.tmux.run("new-session", "-d", "-s", "b");
            String b1 = s.window("b");
            String b2 = s.tmux.run("new-window", "-t", "=b:", "-P", "-F", "#{window_id}").getFirst();
            // A window linked into two sessions is one window.
            s.tmux.run("link-window", "-d", "-s", a2, "-t", "=b:7");
            String tty = s.tmux.attachClient(s.tmux.sessionId("b"));

            assertThat(s.panes.windowOf(tty)).contains(b2);
            assertThat(s.panes.windows(Optional.of(tty))).containsExactly(b2, b1, a2, a1);
            assertThat(s.panes.windows(Optional.empty())).containsExactly(a1, a2, b1, b2);
            assertThat(s.panes.windowOf("/dev/pts/9999")).isEmpty();

            assertThat(s.panes.lacksSidebar(b1)).isTrue();
            Optional<PaneId> opened = s.panes.open(b1);
            assertThat(opened).isPresent();
            assertThat(s.panes.lacksSidebar(b1)).as("known at once, before the model lists it").isFalse();
            assertThat(s.panes.open(b1)).as("one sidebar per window").isEmpty();
            assertThat(s.panes.open(a2)).isPresent();
            // Right after the split, the pane's process may not have executed its program yet: until then its
            // environment is the tmux server's.
            Await.until(() -> environment(s, opened.get().value())
                    .containsAll(List.of("OPENSESSIONS_TEST=1", "OPENSESSIONS_WINDOW_ID=" + b1)), Sidebars.WAIT,
                    "the sidebar's program running with its environment");
            assertThat(s.tmux.run("display-message", "-p", "-t", opened.get().value(), "#{pane_title}"))
                    .containsExactly(TmuxPane.SIDEBAR_TITLE);
            assertThat(s.sidebarsIn(b1)).hasSize(1);
            assertThat(s.sidebarsIn(a2)).hasSize(1);

            s.panes.closeAll();
            for (String window : List.of(a1, a2, b1, b2)) {
                assertThat(s.sidebarsIn(window)).as(window).isEmpty();
            }
            Await.until(() -> s.panes.lacksSidebar(b1), Sidebars.WAIT, "model sees the sidebars gone");
        }
    }

    /** The environment of the program running in the pane. */
    private static List<String> environment(Sidebars s, String pane) {
        String pid = s.tmux.run("display-message", "-p", "-t", pane, "#{pane_pid}").getFirst();
        try {
            return List.of(Files.readString(Path.of("/proc", pid, "environ")).split("\u0000"));
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
