package dev.opensessions.adapters.tmux;

import dev.opensessions.application.testkit.Await;
import dev.opensessions.domain.sidebar.SidebarSide;
import dev.opensessions.testkit.PrivateTmux;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Sidebars docked at the right ({@code @opensessions-position right}) on a real private tmux server. */
class RightSidebarTest {

    /** One pane's place in its window. */
    private record Place(String id, boolean sidebar, int left, int top, int width, int height) {

        int right() {
            return left + width;
        }
    }

    @Test
    void aRightSidebarSpawnsRightOfEveryPaneAtFullHeightAndIsRepairedAfterResizes() {
        try (Sidebars s = Sidebars.withSession("work")) {
            String tty = s.tmux.attachClient(s.tmux.sessionId("work"));
            s.resizeClient(tty, 160, 40);
            String window = s.window("work");
            // left | right-top / right-bottom: the rightmost content pane is not full height.
            String left = s.tmux.run("display-message", "-p", "-t", window, "#{pane_id}").getFirst();
            String rightTop = s.tmux.run("split-window", "-h", "-t", left, "-P", "-F", "#{pane_id}").getFirst();
            s.tmux.run("split-window", "-v", "-t", rightTop);
            s.panes.dock(SidebarSide.RIGHT);
            s.panes.maintain(true, Sidebars.WIDTH);

            s.panes.open(window);

            assertDockedRight(s, window);
            String sidebar = sidebarOf(s, window).id();
            s.tmux.run("resize-pane", "-t", sidebar, "-x", "50");
            Await.until(() -> s.sidebarWidth(window) == Sidebars.WIDTH, Sidebars.WAIT, "divider drag repaired");
            assertDockedRight(s, window);
            s.resizeClient(tty, 100, 30);
            Await.until(() -> s.sidebarWidth(window) == Sidebars.WIDTH && windowSize(s, window)[0] == 100,
                    Sidebars.WAIT, "fixed width after the terminal shrank");
            assertDockedRight(s, window);
        }
    }

    @Test
    void theDockedSideAppliesToSidebarsOpenedFromThenOn() {
        try (Sidebars s = Sidebars.withSession("a")) {
            s.tmux.run("new-session", "-d", "-s", "b", "-x", "120", "-y", "30");
            s.panes.maintain(false, Sidebars.WIDTH);
            s.panes.dock(SidebarSide.RIGHT);
            String a = s.window("a");
            String b = s.window("b");
            s.panes.open(a);

            s.panes.dock(SidebarSide.LEFT);
            s.panes.open(b);

            Place right = sidebarOf(s, a);
            assertThat(right.right()).as("a's sidebar stays at the right").isEqualTo(windowSize(s, a)[0]);
            assertThat(sidebarOf(s, b).left()).as("b's sidebar opened at the left").isZero();
        }
    }

    @Test
    void aWindowLeftWithOnlyItsRightSidebarIsClosed() {
        try (Sidebars s = Sidebars.withSession("work")) {
            s.panes.dock(SidebarSide.RIGHT);
            s.panes.maintain(true, Sidebars.WIDTH);
            String first = s.window("work");
            String second = s.tmux.run("new-window", "-d", "-t", "=work:", "-P", "-F", "#{window_id}").getFirst();
            s.panes.open(second);
            String content = places(s, second).stream().filter(p -> !p.sidebar()).findFirst().orElseThrow().id();

            s.tmux.run("kill-pane", "-t", content);

            Await.until(() -> !s.windowIds().contains(second), Sidebars.WAIT, "lonely window closed");
            assertThat(s.windowIds()).containsExactly(first);
        }
    }

    @Test
    void theSideOptionIsReadOverTheControlConnection() {
        try (Sidebars s = Sidebars.withSession("work")) {
            assertThat(s.panes.sideOption()).as("unset").isEmpty();
            s.tmux.run("set-option", "-g", TmuxSidebarPanes.POSITION_OPTION, "right");
            long sent = s.running.adapter.control().commandsSent();

            assertThat(s.panes.sideOption()).contains("right");
            assertThat(s.running.adapter.control().commandsSent() - sent).as("one command, no process").isEqualTo(1);
            s.tmux.run("set-option", "-g", TmuxSidebarPanes.POSITION_OPTION, "sideways");
            assertThat(s.panes.sideOption()).as("validating is the core's").contains("sideways");
            s.tmux.run("set-option", "-g", TmuxSidebarPanes.POSITION_OPTION, "");
            assertThat(s.panes.sideOption()).as("blank reads as unset").isEmpty();
        }
    }

    @Test
    void anOptionAskedForBeforeTheControlClientAttachesIsAnsweredOnceItHas() throws Exception {
        try (PrivateTmux tmux = PrivateTmux.withSession("work");
             TmuxAdapter adapter = new TmuxAdapter(TmuxServer.named(PrivateTmux.TMUX, tmux.name()), Duration.ofSeconds(20), () -> { })) {
            tmux.run("set-option", "-g", TmuxSidebarPanes.POSITION_OPTION, "right");
            CompletableFuture<Optional<String>> asked = adapter.panes().globalOption(TmuxSidebarPanes.POSITION_OPTION);
            assertThat(asked).as("waits instead of failing while nothing is attached").isNotDone();

            adapter.start();

            assertThat(asked.get(10, TimeUnit.SECONDS)).contains("right");
        }
    }

    private static void assertDockedRight(Sidebars s, String window) {
        int width = windowSize(s, window)[0];
        int height = windowSize(s, window)[1];
        List<Place> places = places(s, window);
        Place sidebar = sidebarOf(s, window);
        assertThat(sidebar.right()).as("at the window's right edge").isEqualTo(width);
        assertThat(sidebar.top()).isZero();
        assertThat(sidebar.height()).as("full height").isEqualTo(height);
        assertThat(sidebar.width()).isEqualTo(Sidebars.WIDTH);
        assertThat(places).filteredOn(p -> !p.sidebar()).hasSize(3)
                .allMatch(p -> p.right() < sidebar.left(), "left of the sidebar");
    }

    private static Place sidebarOf(Sidebars s, String window) {
        List<Place> sidebars = places(s, window).stream().filter(Place::sidebar).toList();
        assertThat(sidebars).as("one sidebar in " + window).hasSize(1);
        return sidebars.getFirst();
    }

    private static List<Place> places(Sidebars s, String window) {
        return s.tmux.run("list-panes", "-t", window, "-F",
                "#{pane_id} #{pane_left} #{pane_top} #{pane_width} #{pane_height} #{pane_title}").stream()
                .map(line -> line.split(" ", 6))
                .map(f -> new Place(f[0], TmuxPane.SIDEBAR_TITLE.equals(f[5]), Integer.parseInt(f[1]),
                        Integer.parseInt(f[2]), Integer.parseInt(f[3]), Integer.parseInt(f[4])))
                .toList();
    }

    private static int[] windowSize(Sidebars s, String window) {
        String[] size = s.tmux.run("display-message", "-p", "-t", window, "#{window_width} #{window_height}")
                .getFirst().split(" ");
        return new int[] {Integer.parseInt(size[0]), Integer.parseInt(size[1])};
    }
}
