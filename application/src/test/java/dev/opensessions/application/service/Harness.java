package dev.opensessions.application.service;

import dev.opensessions.application.state.ServerState;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.application.testkit.FakeSessionSource;
import dev.opensessions.application.testkit.MutableClock;
import dev.opensessions.domain.agent.StatusTransition;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Real services over a state owner, a hand-driven multiplexer and a clock the test moves. */
final class Harness {

    static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    final MutableClock clock = new MutableClock(T0);
    final StateOwner owner = new StateOwner(clock, ServerState.of(StateSnapshot.initial(T0)));
    final FakeSessionSource mux = new FakeSessionSource();
    final List<StatusTransition> transitions = new CopyOnWriteArrayList<>();
    final RecordAgentEventService agents = new RecordAgentEventService(owner, transitions::add);
    final SessionMetadataService metadata = new SessionMetadataService(owner);
    final SessionOrderService order = new SessionOrderService(owner);
    final TopologyService topology = new TopologyService(owner, mux);

    Harness() {
        topology.start();
    }
}
