package dev.opensessions.adapters.tmux;

import dev.opensessions.application.testkit.Await;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.testkit.PrivateTmux;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * tmux 3.3a crashes when a control client that has a session subscription loses its session while tmux still
 * holds output the client has not read: its once-a-second subscription check reads the missing session. The
 * subscriptions this adapter makes, sent exactly as it sends them to a raw control client that never reads, must
 * leave the tmux server running when that client's session is killed.
 */
class SessionlessControlClientTest {

    /** Enough replies to fill the pipe and tmux's own buffer for a client that does not read. */
    private static final int UNREAD_REPLIES = 5_000;
    /** The watcher's subscription checks counted after the kill; tmux runs each client's check every second. */
    private static final int CHECKS_AFTER_KILL = 3;

    @Test
    void killingTheSessionOfAControlClientThatReadsNothingLeavesTmuxRunning() throws Exception {
        try (PrivateTmux tmux = PrivateTmux.withSession("victim")) {
            tmux.run("new-session", "-d", "-s", "survivor");
            String window = tmux.run("display-message", "-p", "-t", "=victim:", "#{window_id}").getFirst();
            PaneId pane = PaneId.of(tmux.run("display-message", "-p", "-t", "=victim:", "#{pane_id}").getFirst());
            List<List<String>> ours = List.of(
                    ControlSubscriptions.setCommand(TmuxModel.SUBSCRIPTION_NAME, window, TmuxModel.SUBSCRIPTION_FORMAT),
                    ControlSubscriptions.setCommand(TmuxPaneActivity.NAME, window, TmuxPaneActivity.format(Set.of(pane))));
            Watcher watcher = Watcher.on(tmux, "survivor");
            Process slow = controlClient(tmux, "victim");
            try {
                Await.until(() -> tmux.run("list-clients", "-F", "#{client_control_mode} #{session_name}")
                        .contains("1 victim"), Duration.ofSeconds(30), "the slow client attached");
                Writer input = new OutputStreamWriter(slow.getOutputStream(), StandardCharsets.UTF_8);
                for (List<String> subscription : ours) {
                    input.write(TmuxCommandLine.of(subscription) + "\n");
                }
                for (int i = 0; i < UNREAD_REPLIES; i++) {
                    input.write("display-message -p unread" + i + "\n");
                }
                input.write("set-option -g @sent 1\n");
                input.flush();
                Await.until(() -> tmux.exec("show-options", "-gv", "@sent").output().strip().equals("1"),
                        Duration.ofSeconds(60), "the slow client's commands run");

                tmux.run("kill-session", "-t", "=victim");
                int before = watcher.checks.get();
                Await.until(() -> watcher.ended.get() || watcher.checks.get() >= before + CHECKS_AFTER_KILL,
                        Duration.ofSeconds(60), "several subscription checks after the kill");

                assertThat(watcher.ended).as("the tmux server crashed").isFalse();
                assertThat(tmux.alive()).as("the tmux server answers").isTrue();
                assertThat(tmux.run("list-sessions", "-F", "#{session_name}")).containsExactly("survivor");
            } finally {
                slow.destroyForcibly();
                watcher.close();
            }
        }
    }

    private static Process controlClient(PrivateTmux tmux, String session) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(PrivateTmux.TMUX, "-L", tmux.name(), "-C", "attach-session",
                "-t", "=" + session, "-f", "ignore-size,no-output");
        builder.environment().remove("TMUX");
        builder.redirectError(ProcessBuilder.Redirect.DISCARD);
        return builder.start();
    }

    /**
     * A control client that reads everything, with a window subscription whose text is the time in seconds, so
     * each of tmux's once-a-second checks sends it a line: the checks counted, not the wall clock.
     */
    private record Watcher(Process process, AtomicInteger checks, AtomicBoolean ended, List<String> seen)
            implements AutoCloseable {

        static Watcher on(PrivateTmux tmux, String session) throws IOException {
            tmux.run("set-option", "-g", "@seconds", "%s");
            String window = tmux.run("display-message", "-p", "-t", "=" + session + ":", "#{window_id}").getFirst();
            Watcher watcher = new Watcher(controlClient(tmux, session), new AtomicInteger(), new AtomicBoolean(),
                    new CopyOnWriteArrayList<>());
            Thread.ofPlatform().daemon().name("watcher-reader").start(watcher::read);
            // Like the adapter, subscribe once tmux has said the client is attached.
            Await.until(() -> watcher.seen.stream().anyMatch(line -> line.startsWith("%session-changed ")),
                    Duration.ofSeconds(30), "the watcher attached");
            Writer input = new OutputStreamWriter(watcher.process.getOutputStream(), StandardCharsets.UTF_8);
            input.write(TmuxCommandLine.of(ControlSubscriptions.setCommand("tick", window, "#{T:@seconds}")) + "\n");
            input.flush();
            try {
                Await.until(() -> watcher.checks.get() > 0, Duration.ofSeconds(30), "the watcher's first check");
            } catch (AssertionError late) {
                throw new AssertionError(late.getMessage() + "; the watcher read " + watcher.seen, late);
            }
            return watcher;
        }

        private void read() {
            try (BufferedReader output = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = output.readLine()) != null) {
                    seen.add(line);
                    if (line.startsWith("%subscription-changed tick ")) {
                        checks.incrementAndGet();
                    }
                }
            } catch (IOException gone) {
                // Reported as the end below.
            } finally {
                ended.set(true);
            }
        }

        @Override
        public void close() {
            process.destroyForcibly();
        }
    }
}
