package dev.opensessions.adapters.tmux;

import dev.opensessions.application.testkit.Await;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

import static org.assertj.core.api.Assertions.assertThat;

class TmuxControlTest {

    @Test
    void recoversWhenTheSessionItSitsOnIsKilledFromOutside() {
        try (Running running = Running.withSession("a")) {
            running.tmux.run("new-session", "-d", "-s", "b");
            String attachedTo = running.adapter.control().attachedSessionId();
            long pid = running.adapter.control().processId();

            running.tmux.run("kill-session", "-t", attachedTo);

            Await.until(() -> running.adapter.control().processId() > 0
                    && running.adapter.control().processId() != pid, Duration.ofSeconds(20), "reattached");
            running.tmux.run("new-session", "-d", "-s", "after");
            running.awaitModel(s -> s.sessionNamed("after").isPresent() && s.session(attachedTo).isEmpty(),
                    "model follows after reattaching");
            assertThat(running.exits.get()).isZero();
        }
    }

    @Test
    void aCommandThatRunsAnotherTakesAllItsRepliesAndTheNextCommandGetsItsOwn() {
        try (Running running = Running.withSession("a")) {
            TmuxControl control = running.adapter.control();
            String pane = running.tmux.run("display-message", "-p", "-t", "a", "#{pane_id}").getFirst();

            // tmux answers if-shell with a block of its own and one more for the inner command when it runs.
            List<String> ran = control.executeNested(List.of("if-shell", "-F", "-t", pane, "1",
                    "display-message -p inner")).join();
            List<String> after = control.execute("display-message", "-p", "after").join();
            List<String> skipped = control.executeNested(List.of("if-shell", "-F", "-t", pane, "0",
                    "display-message -p inner")).join();
            List<String> last = control.execute("display-message", "-p", "last").join();

            assertThat(ran).containsExactly("inner");
            assertThat(after).containsExactly("after");
            assertThat(skipped).isEmpty();
            assertThat(last).containsExactly("last");
        }
    }

    @Test
    void anInnerCommandThatFailsFailsTheNestedCommandOnlyAndTheNextStillGetsItsAnswer() {
        try (Running running = Running.withSession("a")) {
            TmuxControl control = running.adapter.control();
            String pane = running.tmux.run("display-message", "-p", "-t", "a", "#{pane_id}").getFirst();

            var failed = control.executeNested(List.of("if-shell", "-F", "-t", pane, "1",
                    "select-pane -t %999999"));
            List<String> after = control.execute("display-message", "-p", "after").join();

            assertThat(failed).failsWithin(Duration.ofSeconds(20))
                    .withThrowableThat().withMessageContaining("%999999");
            assertThat(after).containsExactly("after");
        }
    }

    @Test
    void reattachesWhenTheControlClientProcessDies() {
        try (Running running = Running.withSession("a")) {
            long pid = running.adapter.control().processId();
            ProcessHandle.of(pid).orElseThrow().destroy();

            Await.until(() -> running.adapter.control().processId() > 0
                    && running.adapter.control().processId() != pid, Duration.ofSeconds(20), "reattached");
            running.tmux.run("rename-session", "-t", "a", "renamed");
            running.awaitModel(s -> s.sessionNamed("renamed").isPresent(), "model follows");
            assertThat(running.exits.get()).isZero();
        }
    }

    @Test
    void exitCallbackFiresOnceWhenTheTmuxServerIsKilled() {
        try (Running running = Running.withSession("a")) {
            running.tmux.run("kill-server");

            Await.until(() -> running.exits.get() == 1, Duration.ofSeconds(20), "exit callback");
            Await.until(() -> running.snapshot().sessions().isEmpty(), Duration.ofSeconds(20), "empty model");
            assertThat(running.adapter.control().attached()).isFalse();
            assertThat(running.exits.get()).isEqualTo(1);
        }
    }

    @Test
    void exitCallbackFiresWhenTheLastSessionIsKilled() {
        try (Running running = Running.withSession("only")) {
            running.adapter.sessions().kill(running.tmux.sessionId("only"), List.of()).join();

            Await.until(() -> running.exits.get() == 1, Duration.ofSeconds(20), "exit callback");
        }
    }

    @Test
    void nothingIsSpawnedOrSentWhileNothingHappens() {
        try (Running running = Running.withSession("a")) {
            running.tmux.run("new-session", "-d", "-s", "b");
            running.awaitModel(s -> s.sessions().size() == 2, "two sessions");
            awaitQuiet(running);
            TmuxControl control = running.adapter.control();
            long pid = control.processId();
            long sent = control.commandsSent();
            long listings = running.adapter.model().listings();

            List<Long> before = ProcessHandle.current().descendants().map(ProcessHandle::pid).toList();
            assertThat(before).contains(pid);
            long until = System.nanoTime() + Duration.ofSeconds(3).toNanos();
            while (System.nanoTime() < until) {
                assertThat(ProcessHandle.current().descendants().map(ProcessHandle::pid).toList())
                        .as("no process spawned while idle").isSubsetOf(before);
                assertThat(control.commandsSent()).isEqualTo(sent);
                assertThat(control.processId()).isEqualTo(pid);
                LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
            }
            assertThat(running.adapter.model().listings()).isEqualTo(listings);
            System.out.printf("idle check: 3 s watched, child processes %s (control client %d), 0 commands, 0 listings%n",
                    before, pid);
        }
    }

    /** The first subscription value arrives about a second after attaching; wait until listings stop. */
    private static void awaitQuiet(Running running) {
        long[] last = {running.adapter.model().listings(), System.nanoTime()};
        Await.until(() -> {
            long now = running.adapter.model().listings();
            if (now != last[0]) {
                last[0] = now;
                last[1] = System.nanoTime();
            }
            return System.nanoTime() - last[1] > Duration.ofMillis(1500).toNanos();
        }, Duration.ofSeconds(10), "listings settle");
    }
}
