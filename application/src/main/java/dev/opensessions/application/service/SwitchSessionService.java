package dev.opensessions.application.service;

import dev.opensessions.application.port.in.SwitchSessionUseCase;
import dev.opensessions.application.port.out.Multiplexer;
import dev.opensessions.application.port.out.MultiplexerException;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.domain.session.Client;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.Topology;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the client that shows a pane (the one whose active pane it is, else one on the pane's session)
 * and asks the multiplexer to switch that client only.
 */
public final class SwitchSessionService implements SwitchSessionUseCase {

    private final StateOwner owner;
    private final Multiplexer multiplexer;

    public SwitchSessionService(StateOwner owner, Multiplexer multiplexer) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.multiplexer = Objects.requireNonNull(multiplexer, "multiplexer");
    }

    @Override
    public SwitchOutcome switchFrom(PaneId pane, SessionName target) {
        if (!owner.current().topology().contains(target)) {
            return new SwitchOutcome.UnknownSession();
        }
        return switchShowing(pane, target);
    }

    @Override
    public SwitchOutcome switchFrom(PaneId pane, SessionName target, boolean stayInSidebar) {
        SwitchOutcome outcome = switchFrom(pane, target);
        if (stayInSidebar && outcome instanceof SwitchOutcome.Switched switched) {
            try {
                multiplexer.focusSidebar(switched.clientTty(), target);
            } catch (MultiplexerException failure) {
                // The switch happened; only the keyboard stays where tmux put it.
            }
        }
        return outcome;
    }

    @Override
    public SwitchOutcome switchClientToIndex(String clientTty, int index) {
        Objects.requireNonNull(clientTty, "clientTty");
        StateSnapshot snapshot = owner.current();
        Optional<SessionName> current = snapshot.topology().sessionOf(clientTty);
        if (current.isEmpty()) {
            return new SwitchOutcome.NoClient();
        }
        List<Session> listed = listed(snapshot, current);
        if (index < 1 || index > listed.size()) {
            return new SwitchOutcome.OutOfRange(index, listed.size());
        }
        return switchClient(clientTty, listed.get(index - 1).name());
    }

    /** The sessions a sidebar on that client's session lists, in its order: its numbering of rows. */
    static List<Session> listed(StateSnapshot snapshot, Optional<SessionName> current) {
        return snapshot.displayedSessions(current).stream()
                .filter(s -> snapshot.sidebar().filter().accepts(snapshot.agents(), s.name()))
                .toList();
    }

    /**
     * Switches the client showing the pane without first checking the state knows the target: a session
     * just created reaches the state a moment later, and the multiplexer waits for it itself.
     */
    SwitchOutcome switchShowing(PaneId pane, SessionName target) {
        Optional<String> client = clientShowing(owner.current().topology(), pane).map(Client::tty)
                .or(() -> askMultiplexer(pane));
        if (client.isEmpty()) {
            return new SwitchOutcome.NoClient();
        }
        return switchClient(client.get(), target);
    }

    /** A client that attached a moment ago may not be in the state yet; tmux itself knows it. */
    private Optional<String> askMultiplexer(PaneId pane) {
        try {
            return multiplexer.clientShowing(pane);
        } catch (MultiplexerException failure) {
            return Optional.empty();
        }
    }

    private SwitchOutcome switchClient(String clientTty, SessionName target) {
        try {
            return switch (multiplexer.switchClient(clientTty, target)) {
                case Multiplexer.SwitchOutcome.Switched switched -> new SwitchOutcome.Switched(clientTty);
                case Multiplexer.SwitchOutcome.UnknownSession unknown -> new SwitchOutcome.UnknownSession();
                case Multiplexer.SwitchOutcome.UnknownClient gone -> new SwitchOutcome.NoClient();
            };
        } catch (MultiplexerException failure) {
            return new SwitchOutcome.Failed(failure.getMessage());
        }
    }

    /** The client acting for a pane: the one looking at it, else one showing the pane's session. */
    static Optional<Client> clientShowing(Topology topology, PaneId pane) {
        Optional<Client> looking = topology.clients().stream().filter(c -> pane.equals(c.activePane())).findFirst();
        if (looking.isPresent()) {
            return looking;
        }
        Optional<SessionName> owner = topology.sessionOfPane(pane);
        return topology.clients().stream().filter(c -> owner.filter(c.session()::equals).isPresent()).findFirst();
    }
}
