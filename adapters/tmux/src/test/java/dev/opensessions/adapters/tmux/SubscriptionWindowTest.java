package dev.opensessions.adapters.tmux;

import dev.opensessions.application.testkit.Await;
import dev.opensessions.domain.session.PaneId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The subscriptions sit on a window of the control client's session: when that window ends they move to another
 * one, and when the session ends the new control client gets them again. Splits and titles in a session the
 * control client does not sit on have no notification, so the model seeing them proves the subscription works.
 */
class SubscriptionWindowTest {

    private static final Duration MOVED = Duration.ofSeconds(30);

    @Test
    void theSubscriptionsMoveWhenThePaneOfTheirWindowIsKilled() {
        try (Running running = Running.withSession("home")) {
            running.tmux.run("new-window", "-d", "-t", "=home:");
            running.tmux.run("new-session", "-d", "-s", "other");
            String other = running.tmux.sessionId("other");
            String window = anchored(running);
            String pane = running.tmux.run("display-message", "-p", "-t", window, "#{pane_id}").getFirst();

            running.tmux.run("kill-pane", "-t", pane);
            Await.until(() -> !anchor(running).isEmpty() && !anchor(running).equals(window), MOVED,
                    "the subscriptions moved to another window");

            assertSubscriptionSeesChangesIn(running, other);
            running.tmux.run("new-session", "-d", "-s", "later");
            running.awaitModel(s -> s.sessionNamed("later").isPresent(), "a new session");
            running.tmux.run("rename-window", "-t", "=later:", "renamed");
            running.awaitModel(s -> s.windows().stream().anyMatch(w -> w.name().equals("renamed")),
                    "a renamed window");
        }
    }

    @Test
    void killingTheControlClientsSessionReconnectsWithEverySubscription() {
        try (Running running = Running.withSession("home")) {
            running.tmux.run("new-session", "-d", "-s", "other");
            String other = running.tmux.sessionId("other");
            running.tmux.run("new-session", "-d", "-s", "third", "/bin/sh");
            String third = running.tmux.sessionId("third");
            PaneId agent = PaneId.of(running.tmux.run("display-message", "-p", "-t", third, "#{pane_id}").getFirst());
            List<Set<PaneId>> reported = new CopyOnWriteArrayList<>();
            running.adapter.paneActivity().onActivity(reported::add);
            running.adapter.paneActivity().watch(Set.of(agent));
            anchored(running);
            long before = running.adapter.control().processId();

            running.tmux.run("kill-session", "-t", "=home");
            Await.until(() -> running.adapter.control().attached()
                            && running.adapter.control().processId() != before && !anchor(running).isEmpty(),
                    MOVED, "a new control client with its subscriptions");

            String elsewhere = running.adapter.control().attachedSessionId().equals(third) ? other : third;
            assertSubscriptionSeesChangesIn(running, elsewhere);
            reported.clear();
            running.tmux.run("send-keys", "-t", agent.value(), "-l", "echo printed");
            running.tmux.run("send-keys", "-t", agent.value(), "Enter");
            Await.until(() -> reported.stream().anyMatch(r -> r.contains(agent)), MOVED,
                    "the watched pane's output reported by the new client");
            assertThat(running.tmux.alive()).isTrue();
        }
    }

    private static String anchored(Running running) {
        Await.until(() -> !anchor(running).isEmpty(), MOVED, "the subscriptions set");
        return anchor(running);
    }

    private static String anchor(Running running) {
        return running.adapter.control().subscriptionWindow();
    }

    private static void assertSubscriptionSeesChangesIn(Running running, String session) {
        int panes = running.snapshot().session(session).orElseThrow().panes().size();
        running.tmux.run("split-window", "-d", "-t", session);
        running.awaitModel(s -> s.session(session).map(x -> x.panes().size()).orElse(0) == panes + 1,
                "a split in a session the control client does not sit on");
        String pane = running.snapshot().session(session).orElseThrow().panes().getLast();
        running.tmux.run("select-pane", "-t", pane, "-T", "a new title");
        running.awaitModel(s -> s.pane(pane).map(TmuxPane::title).orElse("").equals("a new title"), "a title");
    }
}
