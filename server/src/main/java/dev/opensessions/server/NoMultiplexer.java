package dev.opensessions.server;

import dev.opensessions.application.port.out.Multiplexer;
import dev.opensessions.application.port.out.MultiplexerException;
import dev.opensessions.application.port.out.SessionSource;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.Topology;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The multiplexer of a server that runs outside tmux: there are no live sessions and no clients, so
 * metadata is still stored by name, agent events are accepted but unresolved (202), and commands
 * find nothing to act on.
 */
final class NoMultiplexer implements SessionSource, Multiplexer {

    @Override
    public void open(Consumer<Topology> onChange) {
        onChange.accept(Topology.empty());
    }

    @Override
    public SwitchOutcome switchClient(String clientTty, SessionName session) {
        return new SwitchOutcome.UnknownClient();
    }

    @Override
    public SessionName createSession(String name, String directory) {
        throw new MultiplexerException("not inside tmux: there is no tmux server to create a session in", null);
    }

    @Override
    public RenameOutcome renameSession(SessionName session, String newName) {
        return new RenameOutcome.UnknownSession();
    }

    @Override
    public KillOutcome killSession(SessionName session, List<SessionName> displayOrder) {
        return new KillOutcome.UnknownSession();
    }

    @Override
    public Optional<String> clientShowing(PaneId pane) {
        return Optional.empty();
    }

    @Override
    public FocusOutcome focusPane(String clientTty, PaneId pane) {
        return new FocusOutcome.UnknownClient();
    }

    @Override
    public MessageOutcome showMessage(String clientTty, String text) {
        return new MessageOutcome.UnknownClient();
    }

    @Override
    public PassthroughOutcome passthroughPane(String clientTty) {
        return new PassthroughOutcome.UnknownClient();
    }

    public SidebarFocusOutcome focusSidebar(String clientTty, SessionName session) {
        return new SidebarFocusOutcome.UnknownClient();
    }

    @Override
    public PaneKillOutcome killPane(PaneId pane) {
        return new PaneKillOutcome.UnknownPane();
    }

    @Override
    public void openPopup(String clientTty, String directory, List<String> command, String width, String height) {
        throw new MultiplexerException("not inside tmux: there is no client to show a popup on", null);
    }

    @Override
    public void openWindow(SessionName session, String directory, List<String> command) {
        throw new MultiplexerException("not inside tmux: there is no session to open a window in", null);
    }

    @Override
    public void close() {
        // Nothing was opened.
    }
}
