package dev.opensessions.bench;

import dev.opensessions.application.port.in.AgentEventOutcome;
import dev.opensessions.application.port.in.RecordAgentEventUseCase;
import dev.opensessions.application.service.RecordAgentEventService;
import dev.opensessions.application.state.ServerState;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.domain.agent.AgentTracker;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Set;

/**
 * One agent event applied to a server with two agent threads per session: the domain tracker's upsert alone,
 * and the whole use case (resolve the session, upsert, publish a new snapshot) as POST /api/agent-event
 * runs it. The number of rows stays the same: every event updates an existing thread.
 */
public class TrackerBenchmark extends SessionsBenchmark {

    private AgentTracker tracker;
    private RecordAgentEventUseCase service;
    private long i;

    @Setup
    public void setUp() {
        tracker = BenchWorld.agents(sessions);
        StateOwner owner = new StateOwner(Clock.fixed(BenchWorld.T0, ZoneOffset.UTC),
                ServerState.of(BenchWorld.snapshot(sessions)));
        service = new RecordAgentEventService(owner, transition -> { });
    }

    @Benchmark
    public AgentTracker trackerUpsert() {
        i++;
        int n = (int) (i % sessions) + 1;
        return tracker.record(BenchWorld.name(n), BenchWorld.event(n, (int) (i / sessions % 2), BenchWorld.status(i),
                BenchWorld.T0.plusMillis(i)), Set.of());
    }

    /** What the prune timer checks after every state change. */
    @Benchmark
    public Object nextExpiry() {
        return tracker.nextExpiry();
    }

    @Benchmark
    public AgentEventOutcome recordAgentEvent() {
        i++;
        int n = (int) (i % sessions) + 1;
        return service.record(new RecordAgentEventUseCase.Command("claude-code", BenchWorld.status(i), BenchWorld.name(n),
                null, "thread-" + n + "-" + (i / sessions % 2), null, null, null, null, null));
    }
}
