package dev.opensessions.adapters.websocket;

import dev.opensessions.application.port.in.GetStateUseCase;
import dev.opensessions.application.port.in.SetStatusUseCase;
import dev.opensessions.application.service.SessionMetadataService;
import dev.opensessions.application.service.AgentWaitService;
import dev.opensessions.application.service.RecordAgentEventService;
import dev.opensessions.application.service.SessionOrderService;
import dev.opensessions.application.service.ThreadChangeFeed;
import dev.opensessions.application.service.StateQueryService;
import dev.opensessions.application.service.TopologyService;
import dev.opensessions.application.state.ServerState;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.application.testkit.FakeSessionSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import dev.opensessions.application.security.ControlToken;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The test composition root: real services over one state owner, live sessions from a hand-driven mux. */
@ApplicationScoped
public class TestServices {

    static final ControlToken TOKEN = new ControlToken("beef".repeat(16));

    /** The control token a command connection presents in its handshake. */
    @Produces
    ControlToken token() {
        return TOKEN;
    }

    @Produces
    @Singleton
    StateOwner owner() {
        Clock clock = Clock.systemUTC();
        return new StateOwner(clock, ServerState.of(StateSnapshot.initial(clock.instant())));
    }

    // Not a bean: Quarkus already offers a ScheduledExecutorService, and the frames get their own thread.
    private final ScheduledExecutorService scheduler =
            Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("frames").factory());

    @PreDestroy
    void stop() {
        scheduler.shutdownNow();
    }

    /** The watch the endpoint gets, counting open subscriptions so tests can see unsubscribing. */
    @Produces
    @Singleton
    CountingWatch watch(StateOwner owner) {
        return new CountingWatch(new StateQueryService(owner, scheduler));
    }

    @Produces
    @Singleton
    GetStateUseCase state(StateOwner owner) {
        return new StateQueryService(owner, scheduler);
    }

    @Produces
    @Singleton
    SessionOrderService order(StateOwner owner) {
        return new SessionOrderService(owner);
    }

    @Produces
    @Singleton
    SetStatusUseCase status(StateOwner owner) {
        return new SessionMetadataService(owner);
    }

    /** Open waits and transition subscribers over the same state. */
    @Produces
    @Singleton
    AgentWaitService waits(StateOwner owner) {
        return new AgentWaitService(owner, new ThreadChangeFeed(owner), scheduler, 16);
    }

    /** Agent events recorded straight into the state, for transition subscribers. */
    @Produces
    @Singleton
    RecordAgentEventService agentEvents(StateOwner owner) {
        return new RecordAgentEventService(owner, transition -> { });
    }

    /** The multiplexer tests push sessions into; the topology service carries them into the state. */
    @Produces
    @Singleton
    FakeSessionSource mux(StateOwner owner) {
        FakeSessionSource mux = new FakeSessionSource();
        new TopologyService(owner, mux).start();
        return mux;
    }
}
