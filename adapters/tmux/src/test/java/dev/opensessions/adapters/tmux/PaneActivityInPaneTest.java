package dev.opensessions.adapters.tmux;

import dev.opensessions.application.testkit.Await;
import dev.opensessions.domain.session.PaneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pane output activity from the format subscription of a real private tmux server: panes of other sessions than
 * the one the control client sits on are reported, only watched panes are, and nothing is subscribed while no
 * pane is watched.
 */
class PaneActivityInPaneTest {

    private Running running;

    @AfterEach
    void stop() {
        if (running != null) {
            running.close();
        }
    }

    @Test
    void aWatchedPaneInAnotherSessionThatPrintsIsReportedAndAnUnwatchedOneIsNot() {
        running = Running.withSession("base");
        PaneId agent = pane("agent");
        PaneId other = pane("other");
        List<Set<PaneId>> reported = new CopyOnWriteArrayList<>();
        running.adapter.paneActivity().onActivity(reported::add);
        Await.until(() -> running.adapter.control().attached(), Duration.ofSeconds(10), "attached");

        running.adapter.paneActivity().watch(Set.of(agent));
        Await.until(() -> !reported.isEmpty(), Duration.ofSeconds(10), "the first report of the watched pane");
        reported.clear();

        type(other, "echo elsewhere");
        type(agent, "echo hello; sleep 1; echo again");

        Await.until(() -> reported.stream().anyMatch(r -> r.contains(agent)), Duration.ofSeconds(10),
                "the watched pane's output reported");
        assertThat(reported).allSatisfy(r -> assertThat(r).containsOnly(agent));
        assertThat(running.adapter.paneActivity().cursorRow(agent)).isPresent();
    }

    @Test
    void theBottomOfAScreenIsReadFromTheRowsAboveTheCursor() {
        running = Running.withSession("base");
        PaneId agent = pane("agent");
        running.adapter.paneActivity().watch(Set.of(agent));
        type(agent, "clear; for i in $(seq 1 30); do echo line$i; done");
        Await.until(() -> running.adapter.paneActivity().cursorRow(agent).orElse(0) > 20, Duration.ofSeconds(10),
                "the cursor row reported");

        List<String> bottom = running.adapter.paneScreens().bottom(agent, 3).orElseThrow();

        assertThat(bottom).hasSizeLessThan(running.adapter.paneScreens().visible(agent).orElseThrow().size());
        assertThat(String.join("\n", bottom)).contains("line30");
    }

    @Test
    void noPaneWatchedMeansNoSubscription() {
        running = Running.withSession("base");
        PaneId agent = pane("agent");
        running.adapter.paneActivity().watch(Set.of());
        assertThat(running.adapter.paneActivity().subscriptions()).isZero();

        running.adapter.paneActivity().watch(Set.of(agent));
        running.adapter.paneActivity().watch(Set.of(agent));
        running.adapter.paneActivity().watch(Set.of());

        assertThat(running.adapter.paneActivity().subscriptions()).as("set once, dropped once").isEqualTo(2);
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
