package dev.opensessions.application.service;

import dev.opensessions.application.port.in.SwitchSessionUseCase;
import dev.opensessions.application.port.out.Multiplexer;
import dev.opensessions.application.port.out.MultiplexerException;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.domain.session.Client;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.Topology;

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
        Topology topology = owner.current().topology();
        if (!topology.contains(target)) {
            return new SwitchOutcome.UnknownSession();
        }
        Optional<Client> client = clientShowing(topology, pane);
        if (client.isEmpty()) {
            return new SwitchOutcome.NoClient();
        }
        try {
            return switch (multiplexer.switchClient(client.get().tty(), target)) {
                case Multiplexer.SwitchOutcome.Switched switched -> new SwitchOutcome.Switched(client.get().tty());
                case Multiplexer.SwitchOutcome.UnknownSession unknown -> new SwitchOutcome.UnknownSession();
                case Multiplexer.SwitchOutcome.UnknownClient gone -> new SwitchOutcome.NoClient();
            };
        } catch (MultiplexerException failure) {
            return new SwitchOutcome.Failed(failure.getMessage());
        }
    }

    static Optional<Client> clientShowing(Topology topology, PaneId pane) {
        Optional<Client> looking = topology.clients().stream().filter(c -> pane.equals(c.activePane())).findFirst();
        if (looking.isPresent()) {
            return looking;
        }
        Optional<SessionName> owner = topology.sessionOfPane(pane);
        return topology.clients().stream().filter(c -> owner.filter(c.session()::equals).isPresent()).findFirst();
    }
}
