package dev.opensessions.application.testkit;

import dev.opensessions.application.port.out.Multiplexer;
import dev.opensessions.application.port.out.MultiplexerException;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A multiplexer that records what it was asked; can be told to fail. By default it knows every session, client
 * and pane it is asked about; {@link #session} and {@link #client} lay out a world it then keeps as tmux would
 * (unknown sessions, clients and panes are said so, a killed session's clients move to a neighbour), which is
 * how {@code FakeMultiplexerTest} holds it to the port's contract.
 */
public final class FakeMultiplexer implements Multiplexer {

    /** One switch the core asked for. */
    public record SwitchCall(String clientTty, SessionName session) {
    }

    /** One session the core asked to create. */
    public record CreateCall(String name, String directory) {
    }

    /** One kill, with the display order it was given for moving clients away. */
    public record KillCall(SessionName session, List<SessionName> displayOrder) {
    }

    /** One pane shown on a client. */
    public record FocusCall(String clientTty, PaneId pane) {
    }

    /** One client whose keyboard moved to the sidebar of the session it shows. */
    public record SidebarFocusCall(String clientTty, SessionName session) {
    }

    /** One popup shown on a client. */
    public record PopupCall(String clientTty, String directory, List<String> command, String width, String height) {
    }

    /** One window opened in a session. */
    public record WindowCall(SessionName session, String directory, List<String> command) {
    }

    public final List<SwitchCall> switches = new CopyOnWriteArrayList<>();
    public final List<CreateCall> creates = new CopyOnWriteArrayList<>();
    public final List<KillCall> kills = new CopyOnWriteArrayList<>();
    public final List<FocusCall> focuses = new CopyOnWriteArrayList<>();
    public final List<SidebarFocusCall> sidebarFocuses = new CopyOnWriteArrayList<>();
    public final List<PaneId> killedPanes = new CopyOnWriteArrayList<>();
    public final List<PopupCall> popups = new CopyOnWriteArrayList<>();
    public final List<WindowCall> windows = new CopyOnWriteArrayList<>();
    /** Messages shown, as {@code tty: text}. */
    public final List<String> messages = new CopyOnWriteArrayList<>();
    /** The sidebar pane each client's terminal can be reached through; a client not listed has none. */
    public final Map<String, PaneId> passthrough = new ConcurrentHashMap<>();
    public volatile boolean failing;
    /** Clients tmux itself would report for a pane, before the state has heard of them. */
    public final Map<PaneId, String> liveClients = new ConcurrentHashMap<>();
    private final World world = new World();

    /** Adds a session with one pane to the laid-out world. */
    public FakeMultiplexer session(String name, PaneId pane) {
        world.addSession(SessionName.of(name), pane);
        return this;
    }

    /** Attaches a client showing the session to the laid-out world. */
    public FakeMultiplexer client(String tty, String session) {
        world.attach(tty, SessionName.of(session));
        return this;
    }

    /** Opens a sidebar in the window of a session of the laid-out world. */
    public FakeMultiplexer sidebarIn(String session) {
        world.openSidebar(SessionName.of(session));
        return this;
    }

    /** The sessions of the laid-out world. */
    public java.util.Set<SessionName> sessions() {
        return world.sessions();
    }

    /** The session a client of the laid-out world shows. */
    public Optional<SessionName> shownBy(String clientTty) {
        return world.shownBy(clientTty);
    }

    @Override
    public Optional<String> clientShowing(PaneId pane) {
        check();
        return Optional.ofNullable(liveClients.get(pane)).or(() -> world.clientShowing(pane));
    }

    @Override
    public SwitchOutcome switchClient(String clientTty, SessionName session) {
        check();
        if (world.laidOut() && !world.has(session)) {
            return new SwitchOutcome.UnknownSession();
        }
        if (world.laidOut() && world.shownBy(clientTty).isEmpty()) {
            return new SwitchOutcome.UnknownClient();
        }
        switches.add(new SwitchCall(clientTty, session));
        world.attach(clientTty, session);
        return new SwitchOutcome.Switched();
    }

    @Override
    public SessionName createSession(String name, String directory) {
        check();
        creates.add(new CreateCall(name, directory));
        SessionName created = SessionName.of(name.replace('.', '_').replace(':', '_'));
        world.created(created);
        return created;
    }

    @Override
    public RenameOutcome renameSession(SessionName session, String newName) {
        check();
        if (world.laidOut() && !world.has(session)) {
            return new RenameOutcome.UnknownSession();
        }
        SessionName renamed = SessionName.of(newName.replace('.', '_').replace(':', '_'));
        world.rename(session, renamed);
        return new RenameOutcome.Renamed(renamed);
    }

    @Override
    public KillOutcome killSession(SessionName session, List<SessionName> displayOrder) {
        check();
        if (world.laidOut() && !world.has(session)) {
            return new KillOutcome.UnknownSession();
        }
        kills.add(new KillCall(session, List.copyOf(displayOrder)));
        world.kill(session, displayOrder);
        return new KillOutcome.Killed();
    }

    @Override
    public FocusOutcome focusPane(String clientTty, PaneId pane) {
        check();
        if (world.laidOut() && world.shownBy(clientTty).isEmpty()) {
            return new FocusOutcome.UnknownClient();
        }
        if (world.laidOut() && world.sessionOf(pane).isEmpty()) {
            return new FocusOutcome.UnknownPane();
        }
        focuses.add(new FocusCall(clientTty, pane));
        world.sessionOf(pane).ifPresent(session -> world.attach(clientTty, session));
        return new FocusOutcome.Focused();
    }

    /** In a laid-out world the client must show the session and the session must have a sidebar. */
    @Override
    public SidebarFocusOutcome focusSidebar(String clientTty, SessionName session) {
        check();
        if (world.laidOut() && world.shownBy(clientTty).isEmpty()) {
            return new SidebarFocusOutcome.UnknownClient();
        }
        if (world.laidOut() && !(world.shownBy(clientTty).orElseThrow().equals(session) && world.hasSidebar(session))) {
            return new SidebarFocusOutcome.NoSidebar();
        }
        sidebarFocuses.add(new SidebarFocusCall(clientTty, session));
        return new SidebarFocusOutcome.Focused();
    }

    @Override
    public MessageOutcome showMessage(String clientTty, String text) {
        check();
        if (world.laidOut() && world.shownBy(clientTty).isEmpty()) {
            return new MessageOutcome.UnknownClient();
        }
        messages.add(clientTty + ": " + text);
        return new MessageOutcome.Shown();
    }

    @Override
    public PassthroughOutcome passthroughPane(String clientTty) {
        check();
        if (world.laidOut() && world.shownBy(clientTty).isEmpty()) {
            return new PassthroughOutcome.UnknownClient();
        }
        PaneId pane = passthrough.get(clientTty);
        return pane == null ? new PassthroughOutcome.NoSidebar() : new PassthroughOutcome.Through(pane);
    }

    public PaneKillOutcome killPane(PaneId pane) {
        check();
        if (world.laidOut() && world.sessionOf(pane).isEmpty()) {
            return new PaneKillOutcome.UnknownPane();
        }
        killedPanes.add(pane);
        world.sessionOf(pane).ifPresent(session -> world.kill(session, List.of()));
        return new PaneKillOutcome.Killed();
    }

    @Override
    public void openPopup(String clientTty, String directory, List<String> command, String width, String height) {
        check();
        popups.add(new PopupCall(clientTty, directory, List.copyOf(command), width, height));
    }

    @Override
    public void openWindow(SessionName session, String directory, List<String> command) {
        check();
        windows.add(new WindowCall(session, directory, List.copyOf(command)));
    }

    private void check() {
        if (failing) {
            throw new MultiplexerException("tmux switch-client got no answer within 5000 ms", null);
        }
    }
}
