package dev.opensessions.adapters.tmux;

import dev.opensessions.application.testkit.Await;
import dev.opensessions.testkit.PrivateTmux;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;

class TmuxPaneCommandsTest {

    private static final String HOSTILE = "#{pane_id} $HOME ~ \\; ' \" ; kill-server";

    @Test
    void splitsAFullHeightPaneAtTheLeftEdgeWithArgumentsAndEnvironmentVerbatim() throws Exception {
        try (Running running = Running.withSession("work")) {
            String window = running.tmux.run("display-message", "-p", "-t", "work", "#{window_id}").getFirst();
            running.tmux.run("split-window", "-v", "-t", window);
            Path out = Files.createTempFile("os-split", ".txt");
            String pane = running.adapter.panes().split(new SplitRequest(window, Edge.LEFT, 24,
                    List.of("/bin/sh", "-c", "printf '%s|%s|%s' \"$1\" \"$OS_VALUE\" \"$PWD\" > \"$2\"; exec sleep 60",
                            "sh", HOSTILE, out.toString()),
                    Map.of("OS_VALUE", HOSTILE), "/tmp", false)).join();

            Await.until(() -> written(out), Duration.ofSeconds(20), "pane ran");
            assertThat(Files.readString(out)).isEqualTo(HOSTILE + "|" + HOSTILE + "|/tmp");
            List<String> geometry = running.tmux.run("display-message", "-p", "-t", pane,
                    "#{pane_left} #{pane_width} #{pane_height} #{window_height} #{pane_active}");
            String[] g = geometry.getFirst().split(" ");
            assertThat(g[0]).as("left edge").isEqualTo("0");
            assertThat(g[1]).as("width").isEqualTo("24");
            assertThat(g[2]).as("full height").isEqualTo(g[3]);
            assertThat(g[4]).as("focus stays").isEqualTo("0");
            assertThat(running.tmux.alive()).isTrue();
            Files.delete(out);
        }
    }

    @Test
    void splitsAtTheRightEdgeAndRunsAOneWordCommandWithoutAShell() throws Exception {
        try (Running running = Running.withSession("work")) {
            String window = running.tmux.run("display-message", "-p", "-t", "work", "#{window_id}").getFirst();
            // A program whose path is also shell text. As sh -c text it would look for ".../program", fail, and
            // print "injected"; as a program path it runs the script, which leaves a mark and stays (the test
            // waits for the mark, not for tmux to reap an exit status: tmux 3.3a sometimes never records one).
            Path folder = Files.createTempDirectory("os-one-word");
            Path program = folder.resolve("program; echo injected");
            Files.writeString(program, "#!/bin/sh\nprintf ran > \"${0%/*}/ran\"\nexec sleep 60\n");
            Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwx------"));

            String pane = running.adapter.panes().split(new SplitRequest(window, Edge.RIGHT, 30,
                    List.of(program.toString()), Map.of(), "", true)).join();

            Await.until(() -> Files.exists(folder.resolve("ran")), Duration.ofSeconds(20), "the program ran");
            assertThat(running.tmux.run("capture-pane", "-p", "-t", pane)).doesNotContain("injected");
            String[] g = running.tmux.run("display-message", "-p", "-t", pane,
                    "#{pane_right} #{window_width} #{pane_width} #{pane_active}").getFirst().split(" ");
            assertThat(Integer.parseInt(g[0]) + 1).as("right edge").isEqualTo(Integer.parseInt(g[1]));
            assertThat(g[2]).isEqualTo("30");
            assertThat(g[3]).as("focused").isEqualTo("1");
            running.tmux.run("kill-pane", "-t", pane);
            Files.delete(folder.resolve("ran"));
            Files.delete(program);
            Files.delete(folder);
        }
    }

    @Test
    void aSizeAskedBeforeTheControlClientAttachesIsAnsweredOnceItHas() {
        // As a sidebar that connects while the server starts: the server attaches to tmux only after it answers.
        try (PrivateTmux tmux = PrivateTmux.withSession("work");
             TmuxAdapter adapter = new TmuxAdapter(TmuxServer.named(PrivateTmux.TMUX, tmux.name()),
                     Duration.ofSeconds(20), () -> { })) {
            String pane = tmux.run("split-window", "-hbf", "-l", "27", "-t", "work", "-P", "-F", "#{pane_id}")
                    .getFirst();
            String height = tmux.run("display-message", "-p", "-t", pane, "#{window_height}").getFirst();

            CompletableFuture<Optional<TmuxPaneSize>> early = adapter.panes().size(pane);
            assertThat(early).as("waits for the attach instead of failing").isNotDone();
            assertThat(adapter.start().awaitFirstListing(Duration.ofSeconds(30))).as("first listing").isTrue();

            assertThat(early.join()).contains(new TmuxPaneSize(27, Integer.parseInt(height)));
        }
    }

    @Test
    void saysAPanesSizeAndNothingForAPaneThatIsGone() {
        try (Running running = Running.withSession("work")) {
            String first = running.tmux.run("display-message", "-p", "-t", "work", "#{pane_id}").getFirst();
            String side = running.tmux.run("split-window", "-hbf", "-l", "27", "-t", first, "-P", "-F", "#{pane_id}")
                    .getFirst();
            String height = running.tmux.run("display-message", "-p", "-t", side, "#{window_height}").getFirst();

            assertThat(running.adapter.panes().size(side).join())
                    .contains(new TmuxPaneSize(27, Integer.parseInt(height)));
            running.tmux.run("kill-pane", "-t", side);
            assertThat(running.adapter.panes().size(side).join()).isEmpty();
        }
    }

    @Test
    void resizesRespawnsStylesSelectsAndKillsPanes() {
        try (Running running = Running.withSession("work")) {
            String first = running.tmux.run("display-message", "-p", "-t", "work", "#{pane_id}").getFirst();
            String second = running.tmux.run("split-window", "-h", "-t", first, "-P", "-F", "#{pane_id}").getFirst();
            TmuxPaneCommands panes = running.adapter.panes();

            panes.resizePane(second, 33).join();
            assertThat(running.tmux.run("display-message", "-p", "-t", second, "#{pane_width}")).containsExactly("33");

            panes.respawnPane(second, List.of("sleep", "61")).join();
            Await.until(() -> running.tmux.run("display-message", "-p", "-t", second, "#{pane_start_command}")
                    .getFirst().contains("61"), Duration.ofSeconds(20), "respawned");

            panes.setPaneStyle(second, "bg=colour238").join();
            assertThat(running.tmux.run("show-options", "-p", "-t", second, "-v", "window-style"))
                    .containsExactly("bg=colour238");
            panes.setPaneStyle(second, "").join();
            assertThat(running.tmux.run("show-options", "-p", "-t", second, "window-style")).isEmpty();

            panes.selectPane(first).join();
            assertThat(running.tmux.run("display-message", "-p", "-t", "work", "#{pane_id}")).containsExactly(first);

            String window = running.tmux.run("new-window", "-d", "-t", "work", "-P", "-F", "#{window_id}").getFirst();
            panes.selectWindow(window).join();
            assertThat(running.tmux.run("display-message", "-p", "-t", "work", "#{window_id}")).containsExactly(window);

            panes.killPane(second).join();
            running.awaitModel(s -> s.pane(second).isEmpty(), "pane gone");
        }
    }

    @Test
    void setsOptionsWithValuesVerbatim() {
        try (Running running = Running.withSession("work")) {
            running.adapter.panes().setOption(OptionScope.GLOBAL_SESSION, null, "@opensessions-test", HOSTILE).join();
            assertThat(running.tmux.run("show-options", "-g", "-v", "@opensessions-test")).containsExactly(HOSTILE);
            String session = running.tmux.sessionId("work");
            running.adapter.panes().setOption(OptionScope.SESSION, session, "status", "off").join();
            assertThat(running.tmux.run("show-options", "-t", session, "-v", "status")).containsExactly("off");
        }
    }

    @Test
    void showsAPopupOnAClientRunningTheCommandWithItsArguments() throws Exception {
        try (Running running = Running.withSession("work")) {
            String tty = running.tmux.attachClient(running.tmux.sessionId("work"));
            Path out = Files.createTempFile("os-popup", ".txt");
            running.adapter.panes().showPopup(new PopupRequest(tty,
                    List.of("/bin/sh", "-c", "printf '%s' \"$1\" > \"$2\"", "sh", HOSTILE, out.toString()),
                    "40", "10", "#{session_name}")).join();
            Await.until(() -> written(out), Duration.ofSeconds(20), "popup ran");
            assertThat(Files.readString(out)).isEqualTo(HOSTILE);
            Files.delete(out);
        }
    }

    private static boolean written(Path file) {
        try {
            return Files.size(file) > 0;
        } catch (java.io.IOException unreadable) {
            throw new AssertionError(unreadable);
        }
    }
}
