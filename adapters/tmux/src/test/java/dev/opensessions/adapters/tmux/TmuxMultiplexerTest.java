package dev.opensessions.adapters.tmux;

import dev.opensessions.application.port.out.Multiplexer.KillOutcome;
import dev.opensessions.application.port.out.Multiplexer.RenameOutcome;
import dev.opensessions.application.port.out.Multiplexer.SwitchOutcome;
import dev.opensessions.application.port.out.MultiplexerException;
import dev.opensessions.application.testkit.Await;
import dev.opensessions.domain.session.SessionName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TmuxMultiplexerTest {

    @Test
    void switchMovesARealAttachedClientToTheSession() {
        try (Running running = Running.withSession("a")) {
            running.tmux.run("new-session", "-d", "-s", "b");
            String tty = running.tmux.attachClient(running.tmux.sessionId("a"));

            // No wait for the model: the client and "b" may not be listed yet, and the lookup must catch up.
            assertThat(mux(running).switchClient(tty, name("b"))).isEqualTo(new SwitchOutcome.Switched());

            assertThat(running.tmux.clientSession(tty)).isEqualTo(running.tmux.sessionId("b"));
        }
    }

    @Test
    void switchFindsSessionsByExactNameAndOnlyUserClients() {
        try (Running running = Running.withSession("base")) {
            running.tmux.run("new-session", "-d", "-s", "other");
            String other = running.tmux.sessionId("other");
            String tty = running.tmux.attachClient(other);
            String baseId = running.tmux.sessionId("base");

            // Each of these is a target tmux itself would resolve to "base" (prefix, exact-match syntax, id, pattern).
            for (String lookalike : List.of("ghost", "bas", "=base", baseId, "b*")) {
                assertThat(mux(running).switchClient(tty, name(lookalike)))
                        .as(lookalike).isEqualTo(new SwitchOutcome.UnknownSession());
            }
            assertThat(mux(running).switchClient("/dev/pts/9999", name("base")))
                    .isEqualTo(new SwitchOutcome.UnknownClient());
            assertThat(running.tmux.clientSession(tty)).isEqualTo(other);
        }
    }

    @Test
    void aLaggingModelIsListedAgainBeforeANameOrClientIsCalledUnknown() {
        try (Running running = Running.withSession("a");
             // A model no notification reaches: it only knows what it listed on request.
             TmuxModel lagging = new TmuxModel(running.adapter.control(), () -> { })) {
            TmuxMultiplexer mux = new TmuxMultiplexer(new TmuxSessionCommands(running.adapter.control(), lagging),
                    running.adapter.panes(), lagging, Duration.ofSeconds(5));
            assertThat(mux.renameSession(name("a"), "a2")).isEqualTo(new RenameOutcome.Renamed(name("a2")));
            running.tmux.run("new-session", "-d", "-s", "late");
            String tty = running.tmux.attachClient(running.tmux.sessionId("a2"));

            assertThat(mux.switchClient(tty, name("late"))).isEqualTo(new SwitchOutcome.Switched());
            assertThat(running.tmux.clientSession(tty)).isEqualTo(running.tmux.sessionId("late"));
        }
    }

    @Test
    void createSanitizesTheNameAndStartsInTheDirectory(@TempDir Path directory) throws IOException {
        try (Running running = Running.withSession("base")) {
            assertThat(mux(running).createSession("v1.2:x", directory.toString())).isEqualTo(name("v1_2_x"));

            assertThat(running.tmux.run("display-message", "-p", "-t", "=v1_2_x:", "#{session_path}"))
                    .containsExactly(directory.toRealPath().toString());
            assertThat(mux(running).createSession("no directory", null)).isEqualTo(name("no directory"));
            // tmux escapes a leading $; the core gets the name tmux really stored.
            assertThat(mux(running).createSession("$HOME", null)).isEqualTo(name("\\$HOME"));
            assertThat(running.tmux.run("list-sessions", "-F", "#{session_name}"))
                    .containsExactlyInAnyOrder("base", "v1_2_x", "no directory", "\\$HOME");
        }
    }

    @Test
    void aFailedCreateNamesTheCommandButNotWhatTmuxEchoed() {
        try (Running running = Running.withSession("secret project")) {
            assertThatThrownBy(() -> mux(running).createSession("secret project", null))
                    .isInstanceOf(MultiplexerException.class)
                    .hasMessage("tmux new-session failed")
                    .hasRootCauseInstanceOf(TmuxException.class);
            assertThatThrownBy(() -> mux(running).createSession(" ", null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> mux(running).createSession("x".repeat(300), null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(running.tmux.run("list-sessions", "-F", "#{session_name}")).containsExactly("secret project");
        }
    }

    @Test
    void renameToAnOddNameAndBack() {
        try (Running running = Running.withSession("base")) {
            String id = running.tmux.sessionId("base");
            String odd = "it's \"odd\"; kill-server ünïcødé 😀";

            assertThat(mux(running).renameSession(name("base"), odd)).isEqualTo(new RenameOutcome.Renamed(name(odd)));
            assertThat(running.tmux.run("display-message", "-p", "-t", id, "#{session_name}")).containsExactly(odd);
            // Straight back, before the model need have seen the first rename.
            assertThat(mux(running).renameSession(name(odd), "base.v2"))
                    .isEqualTo(new RenameOutcome.Renamed(name("base_v2")));
            assertThat(running.tmux.run("display-message", "-p", "-t", id, "#{session_name}"))
                    .containsExactly("base_v2");
            assertThat(mux(running).renameSession(name(odd), "x")).isEqualTo(new RenameOutcome.UnknownSession());
            assertThat(running.tmux.alive()).isTrue();
        }
    }

    @Test
    void killMovesTheClientToThePreviousDisplayedSessionThenKills() {
        try (Running running = Running.withSession("a")) {
            running.tmux.run("new-session", "-d", "-s", "b");
            running.tmux.run("new-session", "-d", "-s", "c");
            String tty = running.tmux.attachClient(running.tmux.sessionId("b"));
            String c = running.tmux.sessionId("c");

            KillOutcome outcome = mux(running).killSession(name("b"),
                    List.of(name("ghost"), name("c"), name("gone"), name("b"), name("a")));

            assertThat(outcome).isEqualTo(new KillOutcome.Killed());
            assertThat(running.tmux.clientSession(tty)).isEqualTo(c);
            assertThat(running.tmux.run("list-sessions", "-F", "#{session_name}")).containsExactlyInAnyOrder("a", "c");
        }
    }

    @Test
    void killWithAnUnknownNameKillsNothing() {
        try (Running running = Running.withSession("abc")) {
            running.tmux.run("new-session", "-d", "-s", "b");

            assertThat(mux(running).killSession(name("ab"), List.of(name("abc"), name("b"))))
                    .isEqualTo(new KillOutcome.UnknownSession());
            assertThat(mux(running).killSession(name("ghost"), List.of()))
                    .isEqualTo(new KillOutcome.UnknownSession());
            assertThat(running.tmux.run("list-sessions", "-F", "#{session_name}")).containsExactlyInAnyOrder("abc", "b");
        }
    }

    @Test
    void aTmuxServerKilledMidCallFailsTheCallAtOnce() throws Exception {
        try (Running running = Running.withSession("a")) {
            running.tmux.run("new-session", "-d", "-s", "b");
            String tty = running.tmux.attachClient(running.tmux.sessionId("a"));
            running.awaitModel(s -> s.sessions().size() == 2 && s.clients().size() == 1, "sessions and client");
            // A long timeout, so only the server's end can fail the call quickly.
            TmuxMultiplexer patient = new TmuxMultiplexer(running.adapter.sessions(), running.adapter.panes(),
                    running.adapter.model(), Duration.ofSeconds(30));
            long server = serverPid(running);
            signal("STOP", server);
            long sent = running.adapter.control().commandsSent();
            CompletableFuture<SwitchOutcome> call = new CompletableFuture<>();
            Thread.ofVirtual().start(() -> {
                try {
                    call.complete(patient.switchClient(tty, name("b")));
                } catch (RuntimeException failure) {
                    call.completeExceptionally(failure);
                }
            });
            Await.until(() -> running.adapter.control().commandsSent() > sent, Duration.ofSeconds(20), "sent");

            long killed = System.nanoTime();
            signal("KILL", server);

            assertThatThrownBy(() -> call.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(MultiplexerException.class).hasMessage("tmux switch-client failed");
            assertThat(Duration.ofNanos(System.nanoTime() - killed)).isLessThan(Duration.ofSeconds(4));
            assertThatThrownBy(() -> running.adapter.multiplexer().createSession("c", null))
                    .isInstanceOf(MultiplexerException.class);
        }
    }

    @Test
    void anUnansweringTmuxFailsWithinTheTimeoutAndAnInterruptKeepsItsFlag() {
        try (Running running = Running.withSession("a")) {
            running.tmux.run("new-session", "-d", "-s", "b");
            String tty = running.tmux.attachClient(running.tmux.sessionId("a"));
            running.awaitModel(s -> s.sessions().size() == 2 && s.clients().size() == 1, "sessions and client");
            TmuxMultiplexer hasty = new TmuxMultiplexer(running.adapter.sessions(), running.adapter.panes(),
                    running.adapter.model(), Duration.ofMillis(300));
            long server = serverPid(running);
            signal("STOP", server);
            try {
                long start = System.nanoTime();
                assertThatThrownBy(() -> hasty.switchClient(tty, name("b")))
                        .isInstanceOf(MultiplexerException.class)
                        .hasMessage("tmux switch-client got no answer within 300 ms");
                assertThat(Duration.ofNanos(System.nanoTime() - start))
                        .isBetween(Duration.ofMillis(300), Duration.ofSeconds(15));

                Thread.currentThread().interrupt();
                assertThatThrownBy(() -> hasty.switchClient(tty, name("b")))
                        .isInstanceOf(MultiplexerException.class)
                        .hasCauseInstanceOf(InterruptedException.class);
                assertThat(Thread.interrupted()).isTrue();
            } finally {
                signal("CONT", server);
            }
        }
    }

    private static TmuxMultiplexer mux(Running running) {
        return running.adapter.multiplexer();
    }

    private static SessionName name(String value) {
        return SessionName.of(value);
    }

    private static long serverPid(Running running) {
        return Long.parseLong(running.tmux.run("display-message", "-p", "#{pid}").getFirst());
    }

    /** Signals this test's own tmux server, by pid: STOP makes it silent, KILL ends it mid-call. */
    private static void signal(String signal, long pid) {
        try {
            Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
            assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).as("kill -" + signal).isTrue();
        } catch (IOException | InterruptedException failed) {
            throw new AssertionError(failed);
        }
    }
}
