package dev.opensessions.adapters.tmux;

import dev.opensessions.application.port.out.Multiplexer;
import dev.opensessions.application.testkit.Await;
import dev.opensessions.application.port.out.Multiplexer;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The pane-level multiplexer actions the sidebar asks for: focus with a flash, kill, popups, windows. */
class TmuxMultiplexerPanesTest {

    /** A folder name tmux would expand, split or interpret if it were not passed verbatim. */
    private static final String HOSTILE = "#{pane_id} $HOME ~ \\; ' \" ; kill-server";

    @Test
    void focusPaneMovesOnlyThatClientToThePaneAndFlashesIt() {
        try (Running running = Running.withSession("a")) {
            running.tmux.run("new-session", "-d", "-s", "b");
            String agent = running.tmux.run("new-window", "-d", "-t", "=b:", "-P", "-F", "#{pane_id}").getFirst();
            String agentWindow = running.tmux.run("display-message", "-p", "-t", agent, "#{window_id}").getFirst();
            String a = running.tmux.sessionId("a");
            String mover = running.tmux.attachClient(a);
            String bystander = running.tmux.attachClient(a);

            // A flash long enough to be read by a tmux process on a loaded machine; production's is 180 ms.
            TmuxMultiplexer mux = new TmuxMultiplexer(running.adapter.sessions(), running.adapter.panes(),
                    running.adapter.model(), Duration.ofSeconds(5), Duration.ofSeconds(2));
            Multiplexer.FocusOutcome focused = mux.focusPane(mover, PaneId.of(agent));
            List<String> flash = style(running, agent);

            assertThat(focused).isEqualTo(new Multiplexer.FocusOutcome.Focused());
            assertThat(flash).containsExactly(TmuxMultiplexer.FLASH_STYLE);
            assertThat(running.tmux.clientSession(mover)).isEqualTo(running.tmux.sessionId("b"));
            assertThat(running.tmux.run("display-message", "-p", "-t", "=b:", "#{window_id} #{pane_id}"))
                    .containsExactly(agentWindow + " " + agent);
            assertThat(running.tmux.clientSession(bystander)).isEqualTo(a);
            Await.until(() -> style(running, agent).isEmpty(), Duration.ofSeconds(20), "flash over");
        }
    }

    @Test
    void bytesReachAClientsTerminalThroughItsWindowsSidebarOnlyWhenPassthroughIsAllowed() {
        try (Running running = Running.withSession("a")) {
            String sidebar = running.tmux.run("split-window", "-d", "-h", "-t", "=a:", "-P", "-F", "#{pane_id}")
                    .getFirst();
            running.tmux.run("select-pane", "-t", sidebar, "-T", TmuxPane.SIDEBAR_TITLE);
            String tty = running.tmux.attachClient(running.tmux.sessionId("a"));
            TmuxMultiplexer mux = running.adapter.multiplexer();

            Await.until(() -> mux.passthroughPane(tty) instanceof Multiplexer.PassthroughOutcome.PassthroughOff,
                    Duration.ofSeconds(20), "the sidebar found, passthrough off by default");
            running.tmux.run("set-option", "-g", "allow-passthrough", "on");

            assertThat(mux.passthroughPane(tty)).isEqualTo(new Multiplexer.PassthroughOutcome.Through(PaneId.of(sidebar)));
            assertThat(mux.passthroughPane("/dev/pts/9999")).isEqualTo(new Multiplexer.PassthroughOutcome.UnknownClient());
            assertThat(mux.showMessage(tty, "opensessions: #{pane_id} waits")).isEqualTo(new Multiplexer.MessageOutcome.Shown());
            assertThat(String.join("\n", running.tmux.run("show-messages"))).contains("opensessions: #{pane_id} waits");
        }
    }

    @Test
    void theClientShowingAPaneIsReadFromTmuxEvenBeforeTheModelHeardOfIt() {
        try (Running running = Running.withSession("a")) {
            running.tmux.run("new-session", "-d", "-s", "b");
            String pane = running.tmux.run("display-message", "-p", "-t", "=a:", "#{pane_id}").getFirst();
            String detached = running.tmux.run("display-message", "-p", "-t", "=b:", "#{pane_id}").getFirst();
            String tty = running.tmux.attachClient(running.tmux.sessionId("a"));

            // Asked at once: the attach notification may not have reached the model yet.
            assertThat(running.adapter.multiplexer().clientShowing(PaneId.of(pane))).contains(tty);
            assertThat(running.adapter.multiplexer().clientShowing(PaneId.of(detached))).isEmpty();
            assertThat(running.adapter.multiplexer().clientShowing(PaneId.of("%999"))).isEmpty();
        }
    }

    @Test
    void focusAndKillSayWhatTmuxDoesNotHave() {
        try (Running running = Running.withSession("a")) {
            String tty = running.tmux.attachClient(running.tmux.sessionId("a"));
            String pane = running.tmux.run("split-window", "-t", "=a:", "-P", "-F", "#{pane_id}").getFirst();

            assertThat(running.adapter.multiplexer().focusPane("/dev/pts/9999", PaneId.of(pane)))
                    .isEqualTo(new Multiplexer.FocusOutcome.UnknownClient());
            assertThat(running.adapter.multiplexer().focusPane(tty, PaneId.of("%999")))
                    .isEqualTo(new Multiplexer.FocusOutcome.UnknownPane());
            assertThat(running.adapter.multiplexer().killPane(PaneId.of("%999")))
                    .isEqualTo(new Multiplexer.PaneKillOutcome.UnknownPane());

            assertThat(running.adapter.multiplexer().killPane(PaneId.of(pane)))
                    .isEqualTo(new Multiplexer.PaneKillOutcome.Killed());
            assertThat(running.tmux.run("list-panes", "-a", "-F", "#{pane_id}")).doesNotContain(pane);
        }
    }

    @Test
    void aPopupRunsTheProgramInTheHostileFolderVerbatim(@TempDir Path temp) throws IOException {
        try (Running running = Running.withSession("a")) {
            Path folder = Files.createDirectory(temp.resolve(HOSTILE));
            Path out = temp.resolve("popup.txt");
            String tty = running.tmux.attachClient(running.tmux.sessionId("a"));

            running.adapter.multiplexer().openPopup(tty, folder.toString(),
                    List.of("/bin/sh", "-c", "pwd > \"$1\"", "sh", out.toString()), "80%", "60%");

            Await.until(() -> Files.exists(out) && size(out) > 0, Duration.ofSeconds(20), "popup ran");
            assertThat(Files.readString(out).strip()).isEqualTo(folder.toString());
            assertThat(running.tmux.alive()).isTrue();
        }
    }

    @Test
    void aWindowOpensInTheSessionAndHostileFolderVerbatim(@TempDir Path temp) throws IOException {
        try (Running running = Running.withSession("a")) {
            running.tmux.run("new-session", "-d", "-s", "b");
            Path folder = Files.createDirectory(temp.resolve(HOSTILE));
            Path out = temp.resolve("window.txt");

            running.adapter.multiplexer().openWindow(SessionName.of("b"), folder.toString(),
                    List.of("/bin/sh", "-c", "pwd > \"$1\"; exec sleep 60", "sh", out.toString()));

            Await.until(() -> Files.exists(out) && size(out) > 0, Duration.ofSeconds(20), "window ran");
            assertThat(Files.readString(out).strip()).isEqualTo(folder.toString());
            assertThat(running.tmux.run("list-windows", "-t", "=b", "-F", "#{window_active}"))
                    .as("the new window is shown").containsExactly("0", "1");
            assertThat(running.tmux.run("list-windows", "-t", "=a", "-F", "#{window_id}")).hasSize(1);

            running.adapter.multiplexer().openWindow(SessionName.of("ghost"), folder.toString(), List.of("true"));
            assertThat(running.tmux.run("list-windows", "-a", "-F", "#{window_id}")).hasSize(3);
        }
    }

    private static List<String> style(Running running, String pane) {
        return running.tmux.run("show-options", "-p", "-t", pane, "-v", "window-style");
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException gone) {
            return 0;
        }
    }
}
