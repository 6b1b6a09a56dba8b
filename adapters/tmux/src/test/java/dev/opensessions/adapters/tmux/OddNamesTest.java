package dev.opensessions.adapters.tmux;

import dev.opensessions.application.port.out.Multiplexer.MessageOutcome;
import dev.opensessions.application.port.out.Multiplexer.RenameOutcome;
import dev.opensessions.application.testkit.Await;
import dev.opensessions.domain.session.SessionName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Names, folders, titles and messages holding what tmux could read as its own syntax ({@code #} formats,
 * {@code %} strftime conversions, {@code ;} command separators, quotes, spaces, non-ASCII) reach tmux, and come
 * back from it, exactly as written, through every command the adapter sends them with.
 */
class OddNamesTest {

    private static final List<String> NAMES = List.of("50%off #1", "%H %4 %% %", "a;b 'q' \"dq\"", "ünï ✓ #{pane_id}");

    @Test
    void sessionsAreCreatedInFoldersAndRenamedWithTheirExactNames(@TempDir Path home) throws IOException {
        try (Running running = Running.withSession("base")) {
            TmuxMultiplexer mux = running.adapter.multiplexer();
            for (String name : NAMES) {
                Path folder = Files.createDirectories(home.resolve(name));

                assertThat(mux.createSession(name, folder.toString())).isEqualTo(SessionName.of(name));
                assertThat(running.tmux.run("display-message", "-p", "-t", "=" + name + ":", "#{session_path}"))
                        .as(name).containsExactly(folder.toRealPath().toString());
                running.awaitModel(s -> s.sessionNamed(name).isPresent(), "the model lists " + name);
            }
            assertThat(running.tmux.run("list-sessions", "-F", "#{session_name}"))
                    .containsExactlyInAnyOrder("base", NAMES.get(0), NAMES.get(1), NAMES.get(2), NAMES.get(3));

            assertThat(mux.renameSession(SessionName.of("base"), "%Y-%m #x"))
                    .isEqualTo(new RenameOutcome.Renamed(SessionName.of("%Y-%m #x")));
            running.awaitModel(s -> s.sessionNamed("%Y-%m #x").isPresent(), "the model lists the new name");
        }
    }

    @Test
    void windowsAndSplitsStartInTheExactFolderAndTitlesStayAsWritten(@TempDir Path home) throws IOException {
        try (Running running = Running.withSession("base")) {
            String session = running.tmux.sessionId("base");
            Path folder = Files.createDirectories(home.resolve("%H %4 #x ;"));
            TmuxPaneCommands panes = running.adapter.panes();

            panes.newWindow(session, folder.toString(), List.of("sleep", "60")).join();
            String window = running.tmux.run("display-message", "-p", "-t", session + ":", "#{window_id}").getFirst();
            String split = panes.split(new SplitRequest(window, Edge.RIGHT, 20, List.of("sleep", "60"),
                    Map.of(), folder.toString(), false)).join();
            panes.setTitle(split, "50%off #1 %H").join();

            assertThat(running.tmux.run("list-panes", "-t", window, "-F", "#{pane_current_path}"))
                    .containsOnly(folder.toRealPath().toString());
            assertThat(running.tmux.run("display-message", "-p", "-t", split, "#{pane_title}"))
                    .containsExactly("50%off #1 %H");
            running.awaitModel(s -> s.pane(split).map(TmuxPane::title).orElse("").equals("50%off #1 %H"),
                    "the model shows the title");
        }
    }

    @Test
    void aMessageIsShownAsWrittenNeitherFormatNorTimeExpanded() {
        try (Running running = Running.withSession("a")) {
            String tty = running.tmux.attachClient(running.tmux.sessionId("a"));
            TmuxMultiplexer mux = running.adapter.multiplexer();
            Await.until(() -> running.snapshot().clients().stream().anyMatch(c -> c.tty().equals(tty)),
                    Duration.ofSeconds(20), "the client listed");
            String text = "opensessions: 50%off #1 needs you (%H %4 %% % #{pane_id})";

            assertThat(mux.showMessage(tty, text)).isEqualTo(new MessageOutcome.Shown());

            // tmux's message log keeps each message as the client showed it.
            assertThat(running.tmux.run("show-messages")).anyMatch(line -> line.endsWith(" " + text));
        }
    }
}
