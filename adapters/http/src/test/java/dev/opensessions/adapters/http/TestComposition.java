package dev.opensessions.adapters.http;

import dev.opensessions.application.security.ControlToken;
import dev.opensessions.application.service.AgentWaitService;
import dev.opensessions.application.service.PiRuntimeService;
import dev.opensessions.application.service.QuitService;
import dev.opensessions.application.service.RecordAgentEventService;
import dev.opensessions.application.service.SessionMetadataService;
import dev.opensessions.application.service.StateQueryService;
import dev.opensessions.application.service.ThreadChangeFeed;
import dev.opensessions.application.service.TopologyService;
import dev.opensessions.application.state.ServerState;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.application.testkit.FakeServerLifecycle;
import dev.opensessions.application.testkit.FakeSessionSource;
import dev.opensessions.application.testkit.MutableClock;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * The test composition root: real services over one state owner, with a hand-driven multiplexer, a
 * lifecycle that counts exits, recorded control use cases and a fixed control token, in place of what
 * the server module wires.
 */
@Singleton
public class TestComposition {

    static final ControlToken TOKEN = new ControlToken("c0ffee".repeat(8));
    static final Instant START = Instant.parse("2026-03-01T12:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final StateOwner owner = new StateOwner(clock, ServerState.of(StateSnapshot.initial(START)));
    private final FakeSessionSource sessions = new FakeSessionSource();
    private final FakeServerLifecycle lifecycle = new FakeServerLifecycle();
    private final RecordedTransitions transitions = new RecordedTransitions();
    private final RecordedControls controls = new RecordedControls();
    private final FakeExplainAgents explainAgents = new FakeExplainAgents();
    private final FakeCommitWrites commits = new FakeCommitWrites();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final TopologyService topology = new TopologyService(owner, sessions);
    private final PiRuntimeService piRuntimes = new PiRuntimeService(owner,
            new RecordAgentEventService(owner, transitions), scheduler, clock);
    private final ThreadChangeFeed changes = new ThreadChangeFeed(owner);
    /** A small limit, so a test can reach it with a few real connections. */
    private final AgentWaitService waits = new AgentWaitService(owner, changes, scheduler, WAIT_LIMIT);
    private final FakeWaitStats waitStats = new FakeWaitStats();

    static final int WAIT_LIMIT = 5;

    public TestComposition() {
        topology.start();
    }

    @Produces
    @Singleton
    RecordAgentEventService recordAgentEvent() {
        return new RecordAgentEventService(owner, transitions);
    }

    /** The Pi runtime registry, over the same state as the recorder of agent events. */
    @Produces
    PiRuntimeService piRuntimes() {
        return piRuntimes;
    }

    @Produces
    @Singleton
    SessionMetadataService metadata() {
        return new SessionMetadataService(owner);
    }

    @Produces
    @Singleton
    StateQueryService stateQuery() {
        return new StateQueryService(owner, scheduler);
    }

    @Produces
    @Singleton
    QuitService quit() {
        return new QuitService(owner, lifecycle);
    }

    @Produces
    RecordedTransitions transitions() {
        return transitions;
    }

    /** The sidebar use cases behind the control endpoints, recorded rather than run. */
    @Produces
    RecordedControls controls() {
        return controls;
    }

    /** The agent diagnostics behind {@code /debug/agents}, set by each test. */
    @Produces
    FakeExplainAgents explainAgents() {
        return explainAgents;
    }

    /** The state store behind every acknowledged write; a test can fill its disk. */
    @Produces
    FakeCommitWrites commits() {
        return commits;
    }

    /** The open waits behind {@code /api/wait}. */
    @Produces
    AgentWaitService waits() {
        return waits;
    }

    /** The statistics behind {@code /api/stats}, set by each test. */
    @Produces
    FakeWaitStats waitStats() {
        return waitStats;
    }

    @Produces
    ControlToken token() {
        return TOKEN;
    }

    @Produces
    FakeSessionSource sessions() {
        return sessions;
    }

    @Produces
    FakeServerLifecycle lifecycle() {
        return lifecycle;
    }

    @Produces
    MutableClock clock() {
        return clock;
    }

    @PreDestroy
    void close() {
        waits.close();
        changes.close();
        topology.close();
        piRuntimes.close();
        scheduler.shutdownNow();
    }
}
