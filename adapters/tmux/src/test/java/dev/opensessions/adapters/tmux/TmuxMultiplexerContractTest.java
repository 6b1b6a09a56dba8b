package dev.opensessions.adapters.tmux;

import dev.opensessions.application.port.out.Multiplexer;
import dev.opensessions.application.port.out.MultiplexerContract;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.testkit.PrivateTmux;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Holds the tmux adapter to the Multiplexer contract, on a private tmux server with a real attached client. */
class TmuxMultiplexerContractTest extends MultiplexerContract {

    @Override
    protected Stage stage() {
        Running running = Running.withSession("alpha");
        PrivateTmux tmux = running.tmux;
        tmux.run("new-session", "-d", "-s", "beta");
        String client = tmux.attachClient(tmux.sessionId("alpha"));
        return new Stage() {
            @Override
            public Multiplexer multiplexer() {
                return running.adapter.multiplexer();
            }

            @Override
            public String client() {
                return client;
            }

            @Override
            public Optional<SessionName> shownBy(String clientTty) {
                return tmux.run("list-clients", "-F", "#{client_tty} #{session_name}").stream()
                        .filter(line -> line.startsWith(clientTty + " "))
                        .map(line -> SessionName.of(line.substring(clientTty.length() + 1)))
                        .findFirst();
            }

            @Override
            public Set<SessionName> sessions() {
                return tmux.run("list-sessions", "-F", "#{session_name}").stream().map(SessionName::of)
                        .collect(Collectors.toSet());
            }

            @Override
            public PaneId paneOf(SessionName session) {
                return PaneId.of(tmux.run("display-message", "-p", "-t", "=" + session.value() + ":", "#{pane_id}")
                        .getFirst());
            }

            @Override
            public void openSidebarIn(SessionName session) {
                String pane = tmux.run("split-window", "-d", "-P", "-F", "#{pane_id}", "-t", "=" + session.value() + ":")
                        .getFirst();
                tmux.run("select-pane", "-t", pane, "-T", TmuxPane.SIDEBAR_TITLE);
            }

            @Override
            public void stopAnswering() {
                tmux.run("kill-server");
            }

            @Override
            public void close() {
                running.close();
            }
        };
    }
}
