package dev.opensessions.adapters.tmux;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TmuxSessionCommandsTest {

    @ParameterizedTest(name = "[{index}] {0}")
    @ValueSource(strings = {"with space", "it's", "say \"hi\"", "a; kill-server", "x ; kill-server ;",
            "#{session_name}", "~root", "~", "{ kill-server }", "%if 1", "ünïcødé 😀",
            "'\"; run-shell 'touch /tmp/os-injected'"})
    void hostileNamesAreCreatedRenamedAndKilledVerbatim(String name) {
        try (Running running = Running.withSession("base")) {
            SessionRef created = running.adapter.sessions().create(name, "/tmp").join();
            assertThat(created.name()).isEqualTo(name);
            running.awaitModel(s -> s.session(created.id()).map(TmuxSession::name).orElse("").equals(name), "created");
            assertThat(running.tmux.run("display-message", "-p", "-t", created.id(), "#{session_name}"))
                    .containsExactly(name);

            SessionRef renamed = running.adapter.sessions().rename(created.id(), name + " 2").join();
            assertThat(renamed).isEqualTo(new SessionRef(created.id(), name + " 2"));
            running.awaitModel(s -> s.session(created.id()).map(TmuxSession::name).orElse("").equals(name + " 2"),
                    "renamed");

            running.adapter.sessions().kill(created.id(), List.of()).join();
            running.awaitModel(s -> s.session(created.id()).isEmpty(), "killed");
            assertThat(running.tmux.alive()).isTrue();
            assertThat(running.tmux.run("list-sessions", "-F", "#{session_name}")).containsExactly("base");
        }
        assertThat(java.nio.file.Files.exists(java.nio.file.Path.of("/tmp/os-injected"))).isFalse();
    }

    @Test
    void dotsAndColonsBecomeUnderscoresAndWhatTmuxEscapesIsReportedAsStored() {
        try (Running running = Running.withSession("base")) {
            assertThat(running.adapter.sessions().create("my.project:main", "").join().name())
                    .isEqualTo("my_project_main");
            // tmux itself escapes a $ that starts a variable name; the adapter reports the name tmux stored.
            SessionRef dollar = running.adapter.sessions().create("$HOME", "").join();
            assertThat(dollar.name()).isEqualTo("\\$HOME");
            assertThat(running.tmux.run("display-message", "-p", "-t", dollar.id(), "#{session_name}"))
                    .containsExactly("\\$HOME");
            // Likewise tmux doubles a backslash in a session name (it stores names C-style escaped).
            assertThat(running.adapter.sessions().create("back\\slash", "").join().name()).isEqualTo("back\\\\slash");
        }
    }

    @Test
    void namesWithLineBreaksOrNothingInThemAreRefused() {
        try (Running running = Running.withSession("base")) {
            assertThatThrownBy(() -> running.adapter.sessions().create("evil\nkill-server", "")).isInstanceOf(
                    IllegalArgumentException.class);
            assertThatThrownBy(() -> running.adapter.sessions().create("  ", "")).isInstanceOf(
                    IllegalArgumentException.class);
            assertThat(running.tmux.alive()).isTrue();
        }
    }

    @Test
    void tmuxErrorsFailTheFuture() {
        try (Running running = Running.withSession("base")) {
            assertThatThrownBy(() -> running.adapter.sessions().create("base", "").join())
                    .isInstanceOf(CompletionException.class)
                    .hasCauseInstanceOf(TmuxException.class)
                    .hasMessageContaining("duplicate session");
        }
    }

    @Test
    void killingTheCurrentSessionMovesItsClientToThePreviousDisplayedSessionFirst() {
        try (Running running = Running.withSession("a")) {
            running.tmux.run("new-session", "-d", "-s", "b");
            running.tmux.run("new-session", "-d", "-s", "c");
            String a = running.tmux.sessionId("a");
            String b = running.tmux.sessionId("b");
            String c = running.tmux.sessionId("c");
            String tty = running.tmux.attachClient(b);
            running.awaitModel(s -> s.clientsOn(b).size() == 1, "client on b");

            running.adapter.sessions().kill(b, List.of(c, b, a)).join();

            assertThat(running.tmux.clientSession(tty)).isEqualTo(c);
            running.awaitModel(s -> s.session(b).isEmpty() && s.clientsOn(c).size() == 1, "moved and killed");
        }
    }

    @Test
    void killingTheFirstDisplayedSessionMovesItsClientToTheNext() {
        try (Running running = Running.withSession("a")) {
            running.tmux.run("new-session", "-d", "-s", "b");
            String a = running.tmux.sessionId("a");
            String b = running.tmux.sessionId("b");
            String tty = running.tmux.attachClient(a);
            running.awaitModel(s -> s.clientsOn(a).size() == 1, "client on a");

            running.adapter.sessions().kill(a, List.of(a, b)).join();

            assertThat(running.tmux.clientSession(tty)).isEqualTo(b);
        }
    }

    @Test
    void killingTheSessionTheControlClientSitsOnMovesItWithoutReattaching() {
        try (Running running = Running.withSession("a")) {
            running.tmux.run("new-session", "-d", "-s", "b");
            running.awaitModel(s -> s.sessions().size() == 2, "two sessions");
            String attachedTo = running.adapter.control().attachedSessionId();
            long pid = running.adapter.control().processId();
            String other = running.snapshot().sessions().stream().map(TmuxSession::id)
                    .filter(id -> !id.equals(attachedTo)).findFirst().orElseThrow();

            running.adapter.sessions().kill(attachedTo, List.of()).join();

            running.awaitModel(s -> s.sessions().size() == 1, "killed");
            assertThat(running.adapter.control().processId()).isEqualTo(pid);
            assertThat(running.adapter.control().attachedSessionId()).isEqualTo(other);
        }
    }
}
