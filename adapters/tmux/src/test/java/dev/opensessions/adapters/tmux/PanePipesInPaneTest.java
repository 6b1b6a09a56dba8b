package dev.opensessions.adapters.tmux;

import dev.opensessions.application.testkit.Await;
import dev.opensessions.domain.session.PaneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pane output through {@code pipe-pane} and the real copier script ({@code bin/opensessions-pipe}) on a real
 * private tmux server: a watched pane in another session is piped and its output reported without the
 * subscription; the pipe is closed when the pane is no longer watched; a pane that already has a user's pipe
 * keeps it (the subscription covers that pane), also after it is no longer watched.
 */
class PanePipesInPaneTest {

    private static final Duration DEADLINE = Duration.ofSeconds(20);
    private static final String TOKEN = "0123456789abcdef0123456789abcdef";

    @TempDir
    Path dir;

    private Running running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void aWatchedPaneIsPipedReportedAtOnceAndUnpipedWhenNoLongerWatched() throws IOException {
        // A folder name a shell or tmux would read otherwise: the command quotes every word itself.
        running = Running.piping("base", copier(dir.resolve("it's #{pane_id} %H $HOME ~ dir")));
        PaneId agent = pane("agent");
        List<Set<PaneId>> reported = new CopyOnWriteArrayList<>();
        running.adapter.paneActivity().onActivity(reported::add);
        Await.until(() -> running.adapter.control().attached(), DEADLINE, "attached");

        running.adapter.paneActivity().watch(Set.of(agent));

        Await.until(() -> running.adapter.paneActivity().piped().contains(agent), DEADLINE, "the copier connected");
        assertThat(pipe(agent)).isEqualTo("1");
        Await.until(() -> running.adapter.paneActivity().subscribed().isEmpty(), DEADLINE,
                "no subscription while every watched pane is piped");
        assertThat(running.adapter.paneActivity().exact(agent)).isTrue();

        reported.clear();
        type(agent, "echo hello");
        Await.until(() -> reported.stream().anyMatch(r -> r.contains(agent)), DEADLINE, "the output reported");
        assertThat(running.adapter.paneActivity().cursorRow(agent)).as("no subscription report").isEmpty();

        running.adapter.paneActivity().watch(Set.of());

        Await.until(() -> pipe(agent).equals("0"), DEADLINE, "the pipe closed");
        assertThat(running.adapter.paneActivity().piped()).isEmpty();
        assertThat(running.adapter.paneActivity().subscribed()).isEmpty();
    }

    @Test
    void aUsersOwnPipeIsLeftAloneAndThePaneIsWatchedThroughTheSubscription() throws IOException {
        running = Running.piping("base", copier(dir.resolve("bin")));
        PaneId agent = pane("agent");
        Path userLog = dir.resolve("user.log");
        running.tmux.run("pipe-pane", "-O", "-t", agent.value(), "cat >> '" + userLog + "'");
        List<Set<PaneId>> reported = new CopyOnWriteArrayList<>();
        running.adapter.paneActivity().onActivity(reported::add);
        Await.until(() -> running.adapter.control().attached(), DEADLINE, "attached");

        running.adapter.paneActivity().watch(Set.of(agent));
        roundTrip();

        assertThat(running.adapter.paneActivity().subscribed()).containsExactly(agent);
        type(agent, "echo one");
        Await.until(() -> logged(userLog, "one"), DEADLINE, "the user's pipe still copies");
        Await.until(() -> reported.stream().anyMatch(r -> r.contains(agent)), DEADLINE,
                "the output reported through the subscription");
        assertThat(running.adapter.paneActivity().piped()).isEmpty();

        running.adapter.paneActivity().watch(Set.of());
        roundTrip();

        type(agent, "echo two");
        Await.until(() -> logged(userLog, "two"), DEADLINE, "the user's pipe still copies after the unwatch");
        assertThat(pipe(agent)).isEqualTo("1");
    }

    @Test
    void tenPanesWatchedAtOnceAreAllPiped() throws IOException {
        running = Running.piping("base", copier(dir.resolve("bin")));
        Set<PaneId> agents = new java.util.HashSet<>();
        for (int i = 0; i < 10; i++) {
            agents.add(pane("agent" + i));
        }
        Await.until(() -> running.adapter.control().attached(), DEADLINE, "attached");

        running.adapter.paneActivity().watch(agents);

        Await.until(() -> running.adapter.paneActivity().piped().equals(agents), DEADLINE, "every copier connected");
        // The subscription is dropped just after the last copier is counted.
        Await.until(() -> running.adapter.paneActivity().subscribed().isEmpty(), DEADLINE, "no subscription left");
    }

    /** The real copier script, copied into {@code folder}, with a token file beside it. */
    private static PaneCopier copier(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path program = folder.resolve("opensessions-pipe");
        Files.copy(Path.of("../../bin/opensessions-pipe"), program, StandardCopyOption.REPLACE_EXISTING);
        Path token = folder.resolve("token");
        Files.writeString(token, TOKEN + "\n");
        return new PaneCopier(program, token, TOKEN);
    }

    /** tmux runs the control client's commands in order: once this answers, every earlier one has run. */
    private void roundTrip() {
        running.adapter.control().execute("display-message", "-p", "ok").join();
    }

    private String pipe(PaneId pane) {
        return running.tmux.run("display-message", "-p", "-t", pane.value(), "#{pane_pipe}").getFirst();
    }

    private static boolean logged(Path log, String text) {
        try {
            return Files.exists(log) && Files.readString(log).contains(text);
        } catch (IOException unreadable) {
            return false;
        }
    }

    private PaneId pane(String session) {
        running.tmux.run("new-session", "-d", "-s", session, "/bin/sh");
        return PaneId.of(running.tmux.run("display-message", "-p", "-t", "=" + session + ":", "#{pane_id}").getFirst());
    }

    private void type(PaneId pane, String line) {
        running.tmux.run("send-keys", "-t", pane.value(), "-l", line);
        running.tmux.run("send-keys", "-t", pane.value(), "Enter");
    }
}
