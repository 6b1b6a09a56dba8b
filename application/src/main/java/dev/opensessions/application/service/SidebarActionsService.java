package dev.opensessions.application.service;

import dev.opensessions.application.port.in.SidebarActionsUseCase;
import dev.opensessions.application.port.in.SwitchSessionUseCase.SwitchOutcome;
import dev.opensessions.application.port.out.LocalSystem;
import dev.opensessions.application.port.out.Multiplexer;
import dev.opensessions.application.port.out.MultiplexerException;
import dev.opensessions.application.state.Change;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.domain.agent.AgentTracker;
import dev.opensessions.domain.agent.ThreadKey;
import dev.opensessions.domain.session.Client;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.Topology;
import dev.opensessions.domain.sidebar.DiffPlace;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Carries out what a sidebar asks on its user's behalf against the client showing that
 * sidebar; a multiplexer failure is logged here and never reaches the sidebar.
 */
public final class SidebarActionsService implements SidebarActionsUseCase {

    /** The built-in project picker lists at most this many folders. */
    static final int PROJECT_LIMIT = 2000;

    private static final System.Logger LOG = System.getLogger(SidebarActionsService.class.getName());

    private final StateOwner owner;
    private final Multiplexer multiplexer;
    private final LocalSystem system;
    private final SwitchSessionService switcher;
    private final ProjectSessions projects;
    private final List<String> sessionizer;
    private final String home;

    /**
     * @param sessionizer the sessionizer program and its arguments, run in a popup when fzf is installed
     * @param home        the user's home folder, where the sessionizer starts
     */
    public SidebarActionsService(StateOwner owner, Multiplexer multiplexer, LocalSystem system,
                                 SwitchSessionService switcher, List<String> sessionizer, String home) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.multiplexer = Objects.requireNonNull(multiplexer, "multiplexer");
        this.system = Objects.requireNonNull(system, "system");
        this.switcher = Objects.requireNonNull(switcher, "switcher");
        this.sessionizer = List.copyOf(sessionizer);
        this.home = Objects.requireNonNull(home, "home");
        if (this.sessionizer.isEmpty()) {
            throw new IllegalArgumentException("sessionizer command is empty");
        }
        this.projects = new ProjectSessions(multiplexer);
    }

    @Override
    public void focusAgent(PaneId from, PaneId agentPane) {
        client(from).ifPresent(client -> act("focus pane " + agentPane, () -> {
            if (multiplexer.focusPane(client.tty(), agentPane) instanceof Multiplexer.FocusOutcome.Focused) {
                agents(agents -> agents.markPaneSeen(agentPane));
            }
        }));
    }

    @Override
    public void markAgentSeen(SessionName session, ThreadKey thread) {
        agents(agents -> agents.markAgentSeen(session, thread));
    }

    @Override
    public void dismissAgent(SessionName session, ThreadKey thread) {
        agents(agents -> agents.dismiss(session, thread));
    }

    @Override
    public void killPane(PaneId agentPane) {
        act("kill pane " + agentPane, () -> multiplexer.killPane(agentPane));
    }

    @Override
    public void killSessions(PaneId from, List<SessionName> sessions) {
        StateSnapshot snapshot = owner.current();
        Optional<SessionName> current = client(from).map(Client::session)
                .or(() -> snapshot.topology().sessionOfPane(from));
        List<SessionName> shown = snapshot.displayedSessions(current).stream().map(Session::name).toList();
        for (SessionName doomed : sessions) {
            // The others killed with it are no place to move a client to.
            List<SessionName> order = new ArrayList<>(shown);
            order.removeIf(name -> !name.equals(doomed) && sessions.contains(name));
            act("kill session " + doomed, () -> multiplexer.killSession(doomed, order));
        }
    }

    @Override
    public void openDiff(PaneId from, SessionName session, DiffPlace place) {
        Optional<Session> target = owner.current().topology().session(session);
        if (target.isEmpty()) {
            return;
        }
        String directory = target.get().directory().isBlank() ? home : target.get().directory();
        List<String> viewer = DiffViewer.choose(system);
        switch (place) {
            case POPUP -> client(from).ifPresent(client -> act("open a diff popup",
                    () -> multiplexer.openPopup(client.tty(), directory, viewer, "90%", "90%")));
            case WINDOW -> act("open a diff window", () -> multiplexer.openWindow(session, directory, viewer));
        }
    }

    /** False also when the popup could not be shown, so the sidebar falls back to its own picker. */
    @Override
    public boolean openSessionizer(PaneId from) {
        if (!system.available("fzf")) {
            return false;
        }
        Optional<Client> client = client(from);
        return client.isPresent()
                && act("open the sessionizer", () -> multiplexer.openPopup(client.get().tty(), home, sessionizer, "80%", "70%"));
    }

    @Override
    public List<String> projectDirectories() {
        return system.projectDirectories(PROJECT_LIMIT);
    }

    @Override
    public SwitchOutcome openProject(PaneId from, String directory) {
        Objects.requireNonNull(directory, "directory");
        Topology topology = owner.current().topology();
        try {
            SessionName session = projects.sessionFor(topology, directory);
            return switcher.switchShowing(from, session);
        } catch (IllegalArgumentException unusable) {
            return new SwitchOutcome.Failed("no session can be named after " + directory);
        } catch (MultiplexerException failure) {
            LOG.log(Level.WARNING, "creating a session failed: " + failure.getMessage());
            return new SwitchOutcome.Failed(failure.getMessage());
        }
    }

    @Override
    public Optional<String> openPort(int port) {
        if (port < 1 || port > 65535) {
            return Optional.empty();
        }
        return system.openUrl("http://localhost:" + port);
    }

    private Optional<Client> client(PaneId from) {
        return SwitchSessionService.clientShowing(owner.current().topology(), from);
    }

    private void agents(UnaryOperator<AgentTracker> change) {
        owner.apply(state -> {
            AgentTracker next = change.apply(state.agents());
            return Change.of(next.equals(state.agents()) ? state : state.withAgents(next), null);
        });
    }

    private static boolean act(String what, Runnable action) {
        try {
            action.run();
            return true;
        } catch (MultiplexerException failure) {
            if (failure.getCause() instanceof InterruptedException) {
                // The command was sent; only the wait for its answer was cut, because the sidebar that asked
                // closed (killing its own session closes it). No failure to warn about.
                LOG.log(Level.DEBUG, "sidebar stopped waiting to " + what + ": its pane closed");
                return true;
            }
            LOG.log(Level.WARNING, "sidebar could not " + what + ": " + failure.getMessage());
            return false;
        }
    }
}
