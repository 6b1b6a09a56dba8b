package dev.opensessions.adapters.tmux;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TmuxModelTest {

    @Test
    void sessionsCreatedRenamedAndKilledOutsideAppearInTheModel() {
        try (Running running = Running.withSession("first")) {
            running.timed(new String[] {"new-session", "-d", "-s", "second", "-c", "/tmp"},
                    s -> s.sessionNamed("second").isPresent(), "created");
            TmuxSession second = running.snapshot().sessionNamed("second").orElseThrow();
            assertThat(second.directory()).isEqualTo("/tmp");
            assertThat(second.windows()).hasSize(1);
            assertThat(second.panes()).hasSize(1);

            running.timed(new String[] {"rename-session", "-t", second.id(), "renamed"},
                    s -> s.session(second.id()).map(TmuxSession::name).orElse("").equals("renamed"), "renamed");

            running.timed(new String[] {"kill-session", "-t", second.id()},
                    s -> s.session(second.id()).isEmpty(), "killed");
        }
    }

    @Test
    void windowsAndPanesOfOtherSessionsAreFollowed() {
        try (Running running = Running.withSession("home")) {
            running.tmux.run("new-session", "-d", "-s", "other");
            String other = running.tmux.sessionId("other");
            running.tmux.run("new-window", "-t", other);
            running.awaitModel(s -> s.session(other).map(x -> x.windows().size()).orElse(0) == 2, "window added");

            running.tmux.run("split-window", "-t", other);
            // A split in a session the control client does not sit on has no notification: the subscription sees it.
            running.awaitModel(s -> s.session(other).map(x -> x.panes().size()).orElse(0) == 3, "pane split");

            String pane = running.snapshot().session(other).orElseThrow().panes().getLast();
            running.tmux.run("select-pane", "-t", pane, "-T", "a title");
            running.awaitModel(s -> s.pane(pane).map(TmuxPane::title).orElse("").equals("a title"), "title");
        }
    }

    @Test
    void aTitleAProgramSetsInASplitPaneIsFollowedInEverySession() {
        try (Running running = Running.withSession("home")) {
            running.tmux.run("new-session", "-d", "-s", "other");
            for (String session : List.of(running.tmux.sessionId("home"), running.tmux.sessionId("other"))) {
                // The program sets its title (OSC 2) only once the test has seen the split with tmux's own title.
                String pane = running.tmux.run("split-window", "-t", session + ":", "-P", "-F", "#{pane_id}",
                        "sh", "-c", "read -r go; printf '\\033]2;set by %s\\033\\\\' \"$go\"; exec sleep 60")
                        .getFirst();
                running.awaitModel(s -> s.pane(pane).isPresent(), "the split pane in " + session);
                String before = running.snapshot().pane(pane).orElseThrow().title();

                running.tmux.run("send-keys", "-t", pane, "-l", "the program");
                running.tmux.run("send-keys", "-t", pane, "Enter");
                running.awaitModel(s -> s.pane(pane).map(TmuxPane::title).orElse("").equals("set by the program"),
                        "the program's title in " + session + " (was " + before + ")");

                running.tmux.run("select-pane", "-t", pane, "-T", "set by select-pane");
                running.awaitModel(s -> s.pane(pane).map(TmuxPane::title).orElse("").equals("set by select-pane"),
                        "the select-pane title in " + session);
            }
        }
    }

    @Test
    void sidebarPanesAreListedButNotCountedAsSessionPanes() {
        try (Running running = Running.withSession("work")) {
            String session = running.tmux.sessionId("work");
            String sidebar = running.tmux.run("split-window", "-h", "-b", "-f", "-l", "20", "-t", session,
                    "-P", "-F", "#{pane_id}").getFirst();
            running.tmux.run("select-pane", "-t", sidebar, "-T", TmuxPane.SIDEBAR_TITLE);
            running.awaitModel(s -> s.pane(sidebar).map(TmuxPane::sidebar).orElse(false), "sidebar title");
            assertThat(running.snapshot().session(session).orElseThrow().panes()).hasSize(1).doesNotContain(sidebar);
            assertThat(running.snapshot().pane(sidebar).orElseThrow().width()).isEqualTo(20);
        }
    }

    @Test
    void clientsAndTheirSwitchesAreSeenButControlClientsNever() {
        try (Running running = Running.withSession("one")) {
            running.tmux.run("new-session", "-d", "-s", "two");
            String one = running.tmux.sessionId("one");
            String two = running.tmux.sessionId("two");
            String tty = running.tmux.attachClient(one);
            running.awaitModel(s -> s.clientsOn(one).stream().anyMatch(c -> c.tty().equals(tty)), "client on one");
            assertThat(running.snapshot().clients()).extracting(TmuxClient::tty).containsExactly(tty);

            running.timed(new String[] {"switch-client", "-c", tty, "-t", two},
                    s -> s.clientsOn(two).size() == 1, "client switched");

            running.adapter.sessions().switchClient(tty, one).join();
            running.awaitModel(s -> s.clientsOn(one).size() == 1, "switched back by the adapter");
            assertThat(running.tmux.clientSession(tty)).isEqualTo(one);
        }
    }
}
