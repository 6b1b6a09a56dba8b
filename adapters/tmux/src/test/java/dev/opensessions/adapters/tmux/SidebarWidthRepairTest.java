package dev.opensessions.adapters.tmux;

import dev.opensessions.application.testkit.Await;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * docs/reference/sidebar.md#one-fixed-width: the width is the server's, repaired after every drift and never adopted.
 */
class SidebarWidthRepairTest {

    @Test
    void aDividerDragIsRepairedBackAndTheWidthOptionKeepsTheFixedWidth() {
        try (Sidebars s = Sidebars.withSession("work")) {
            String tty = s.tmux.attachClient(s.tmux.sessionId("work"));
            s.resizeClient(tty, 160, 40);
            s.panes.maintain(true, Sidebars.WIDTH);
            String window = s.window("work");
            s.panes.open(window);
            String sidebar = s.sidebarsIn(window).getFirst().split(" ")[0];

            s.tmux.run("resize-pane", "-t", sidebar, "-x", "50");
            Await.until(() -> s.sidebarWidth(window) == Sidebars.WIDTH, Sidebars.WAIT, "drag repaired");

            assertThat(s.tmux.run("show-options", "-g", "-v", TmuxSidebarPanes.WIDTH_OPTION))
                    .containsExactly(Integer.toString(Sidebars.WIDTH));
            s.tmux.run("resize-pane", "-t", sidebar, "-x", "12");
            Await.until(() -> s.sidebarWidth(window) == Sidebars.WIDTH, Sidebars.WAIT, "second drag repaired");
        }
    }

    @Test
    void aNewWidthResizesEverySidebarAtOnceAndIsMirroredToTheOption() {
        try (Sidebars s = Sidebars.withSession("a")) {
            s.panes.maintain(false, Sidebars.WIDTH);
            s.tmux.run("new-session", "-d", "-s", "b", "-x", "160", "-y", "40");
            String a = s.window("a");
            String b = s.window("b");
            s.panes.open(a);
            s.panes.open(b);

            s.panes.maintain(false, 40);

            Await.until(() -> s.sidebarWidth(a) == 40 && s.sidebarWidth(b) == 40, Sidebars.WAIT, "both resized");
            assertThat(s.tmux.run("show-options", "-g", "-v", TmuxSidebarPanes.WIDTH_OPTION)).containsExactly("40");
        }
    }

    @Test
    void aPaneExitDoesNotDonateItsSpaceToTheSidebar() {
        try (Sidebars s = Sidebars.withSession("work")) {
            String tty = s.tmux.attachClient(s.tmux.sessionId("work"));
            s.resizeClient(tty, 160, 40);
            s.panes.maintain(true, Sidebars.WIDTH);
            String window = s.window("work");
            // The client turned to its window before sidebars were shown; the core opens them on show.
            s.panes.open(window);
            // sidebar | pane1 | pane2, then pane1 exits: tmux hands its columns to a neighbour.
            String pane1 = s.tmux.run("display-message", "-p", "-t", window, "#{pane_id}").getFirst();
            String pane2 = s.tmux.run("split-window", "-h", "-t", pane1, "-P", "-F", "#{pane_id}").getFirst();
            Await.until(() -> s.sidebarWidth(window) == Sidebars.WIDTH, Sidebars.WAIT, "layout settled");

            s.tmux.run("kill-pane", "-t", pane1);

            Await.until(() -> s.sidebarWidth(window) == Sidebars.WIDTH
                            && paneWidth(s, pane2) == 160 - Sidebars.WIDTH - 1,
                    Sidebars.WAIT, "the freed columns went to pane2, not the sidebar");
        }
    }

    @Test
    void aTerminalResizeNeverChangesTheFixedWidth() {
        try (Sidebars s = Sidebars.withSession("work")) {
            String tty = s.tmux.attachClient(s.tmux.sessionId("work"));
            s.resizeClient(tty, 160, 40);
            s.panes.maintain(true, Sidebars.WIDTH);
            String window = s.window("work");
            // The client turned to its window before sidebars were shown; the core opens them on show.
            s.panes.open(window);

            s.resizeClient(tty, 90, 30);
            Await.until(() -> s.sidebarWidth(window) == Sidebars.WIDTH && windowWidth(s, window) == 90,
                    Sidebars.WAIT, "fixed width after shrinking");
            s.resizeClient(tty, 200, 50);
            Await.until(() -> s.sidebarWidth(window) == Sidebars.WIDTH && windowWidth(s, window) == 200,
                    Sidebars.WAIT, "fixed width after growing");
            assertThat(s.tmux.run("show-options", "-g", "-v", TmuxSidebarPanes.WIDTH_OPTION))
                    .containsExactly(Integer.toString(Sidebars.WIDTH));
        }
    }

    @Test
    void aWindowTooNarrowForTheWidthGetsOneAttemptNotALoop() {
        try (Sidebars s = Sidebars.withSession("work")) {
            String tty = s.tmux.attachClient(s.tmux.sessionId("work"));
            s.resizeClient(tty, 60, 30);
            s.panes.maintain(true, Sidebars.WIDTH);
            String window = s.window("work");
            String content = s.tmux.run("display-message", "-p", "-t", window, "#{pane_id}").getFirst();
            s.panes.open(window);
            s.tmux.run("split-window", "-h", "-t", content);

            // Two content panes and two borders leave the sidebar at most 56 of the 60 columns.
            s.panes.maintain(true, 58);
            Await.until(() -> s.sidebarWidth(window) > Sidebars.WIDTH, Sidebars.WAIT, "grown as far as it goes");
            s.awaitHandled(snapshot -> snapshot.panes().stream()
                            .anyMatch(p -> p.sidebar() && p.width() > Sidebars.WIDTH),
                    "the grown sidebar seen");
            long sent = s.running.adapter.control().commandsSent();
            long listings = s.running.adapter.model().listings();
            s.tmux.run("new-session", "-d", "-s", "later");
            s.awaitHandled(snapshot -> snapshot.sessionNamed("later").isPresent(), "a later change handled");

            assertThat(s.sidebarWidth(window)).isLessThan(58);
            // Every command since is one of the listings' four: the same narrow observation is not repaired again.
            long listed = s.running.adapter.model().listings() - listings;
            assertThat(listed).isPositive();
            assertThat(s.running.adapter.control().commandsSent() - sent).isEqualTo(4 * listed);
        }
    }

    private static int paneWidth(Sidebars s, String pane) {
        return Integer.parseInt(s.tmux.run("display-message", "-p", "-t", pane, "#{pane_width}").getFirst());
    }

    private static int windowWidth(Sidebars s, String window) {
        return Integer.parseInt(s.tmux.run("display-message", "-p", "-t", window, "#{window_width}").getFirst());
    }
}
