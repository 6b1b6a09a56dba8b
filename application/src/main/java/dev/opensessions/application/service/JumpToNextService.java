package dev.opensessions.application.service;

import dev.opensessions.application.port.in.JumpToNextUseCase;
import dev.opensessions.application.port.out.Multiplexer;
import dev.opensessions.application.port.out.MultiplexerException;
import dev.opensessions.application.state.Change;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.NeedsYou;
import dev.opensessions.domain.agent.ThreadKey;
import dev.opensessions.domain.session.Client;
import dev.opensessions.domain.session.PaneId;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Jumps a client to the next agent that needs the user, in {@link NeedsYou} order. Each client has its own
 * round: the threads it jumped to are passed over (as is one whose pane the client already looks at) until
 * every thread that needs the user was visited, then the round starts again at the head. A thread that stops
 * needing the user leaves the round. The jump is the user looking at that agent: its unseen marker clears.
 */
public final class JumpToNextService implements JumpToNextUseCase {

    private final StateOwner owner;
    private final Multiplexer multiplexer;
    /** Per client tty, the threads this round of jumps has visited; only attached clients are kept. */
    private final Map<String, Set<ThreadKey>> rounds = new HashMap<>();

    public JumpToNextService(StateOwner owner, Multiplexer multiplexer) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.multiplexer = Objects.requireNonNull(multiplexer, "multiplexer");
    }

    @Override
    public JumpOutcome jumpNextFrom(PaneId pane) {
        Objects.requireNonNull(pane, "pane");
        return SwitchSessionService.clientShowing(owner.current().topology(), pane)
                .map(client -> jumpNext(client.tty()))
                .orElseGet(JumpOutcome.NoClient::new);
    }

    @Override
    public synchronized JumpOutcome jumpNext(String clientTty) {
        Objects.requireNonNull(clientTty, "clientTty");
        StateSnapshot snapshot = owner.current();
        List<Client> clients = snapshot.topology().clients();
        rounds.keySet().retainAll(clients.stream().map(Client::tty).collect(Collectors.toSet()));
        Optional<Client> client = clients.stream().filter(c -> c.tty().equals(clientTty)).findFirst();
        if (client.isEmpty()) {
            return new JumpOutcome.NoClient();
        }
        List<AgentThread> queue = NeedsYou.queue(snapshot.agents().threads());
        Set<ThreadKey> waiting = queue.stream().map(AgentThread::key).collect(Collectors.toSet());
        Set<ThreadKey> visited = rounds.computeIfAbsent(clientTty, tty -> new HashSet<>());
        visited.retainAll(waiting);
        Set<ThreadKey> looking = queue.stream()
                .filter(t -> t.paneId() != null && t.paneId().equals(client.get().activePane()))
                .map(AgentThread::key)
                .collect(Collectors.toSet());
        Set<ThreadKey> passed = new HashSet<>(visited);
        passed.addAll(looking);
        Optional<AgentThread> target = queue.stream().filter(t -> !passed.contains(t.key())).findFirst();
        if (target.isEmpty()) {
            visited.clear();
            target = NeedsYou.next(queue, looking);
        }
        if (target.isEmpty()) {
            return new JumpOutcome.NothingNeedsYou();
        }
        AgentThread thread = target.get();
        visited.add(thread.key());
        try {
            Shown shown = show(snapshot, clientTty, thread);
            if (shown.clientGone()) {
                return new JumpOutcome.NoClient();
            }
            owner.apply(state -> Change.of(state.withAgents(state.agents().markAgentSeen(thread.session(),
                    thread.key())), null));
            int left = (int) queue.stream().filter(t -> !t.key().equals(thread.key())).count();
            return new JumpOutcome.Jumped(thread.session(), thread.key(), shown.pane(), left);
        } catch (MultiplexerException failure) {
            return new JumpOutcome.Failed(failure.getMessage());
        }
    }

    /** Where a jump landed: the pane shown (null when only the session was), or that the client is gone. */
    private record Shown(boolean clientGone, PaneId pane) {
    }

    /** Shows the agent's pane when it lives, else its session. */
    private Shown show(StateSnapshot snapshot, String clientTty, AgentThread thread) {
        PaneId pane = thread.paneId();
        if (pane != null && snapshot.topology().sessionOfPane(pane).isPresent()) {
            switch (multiplexer.focusPane(clientTty, pane)) {
                case Multiplexer.FocusOutcome.Focused focused -> {
                    return new Shown(false, pane);
                }
                case Multiplexer.FocusOutcome.UnknownClient gone -> {
                    return new Shown(true, null);
                }
                // The pane closed a moment ago: its session is the next best place.
                case Multiplexer.FocusOutcome.UnknownPane closed -> { }
            }
        }
        return switch (multiplexer.switchClient(clientTty, thread.session())) {
            case Multiplexer.SwitchOutcome.Switched switched -> new Shown(false, null);
            case Multiplexer.SwitchOutcome.UnknownClient gone -> new Shown(true, null);
            // The session ended a moment ago; the marker still clears, as the user asked to see it.
            case Multiplexer.SwitchOutcome.UnknownSession ended -> new Shown(false, null);
        };
    }
}
