package dev.opensessions.bench;

import dev.opensessions.application.port.in.AgentEventOutcome;
import dev.opensessions.application.port.in.RecordAgentEventUseCase;
import dev.opensessions.application.service.AgentPruneService;
import dev.opensessions.application.service.RecordAgentEventService;
import dev.opensessions.application.service.StateQueryService;
import dev.opensessions.application.state.ServerState;
import dev.opensessions.application.state.StateOwner;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.TearDown;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What POST /api/agent-event costs the state owner's caller in the server, listeners included: the prune
 * timer's re-arm check and ten subscribers (sidebars) coalescing at the 16 ms frame cadence, with the
 * owner's clock moving one millisecond per event as it does under a stream of events.
 */
public class EventPathBenchmark extends SessionsBenchmark {

    private final AtomicLong millis = new AtomicLong();
    private ScheduledExecutorService scheduler;
    private AgentPruneService prune;
    private RecordAgentEventUseCase service;
    private long i;

    @Setup
    public void setUp() {
        scheduler = Executors.newSingleThreadScheduledExecutor();
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return BenchWorld.T0.plusMillis(millis.get());
            }
        };
        StateOwner owner = new StateOwner(clock, ServerState.of(BenchWorld.snapshot(sessions)));
        prune = new AgentPruneService(owner, scheduler);
        prune.start();
        StateQueryService query = new StateQueryService(owner, scheduler);
        for (int s = 0; s < 10; s++) {
            query.watch(snapshot -> { });
        }
        service = new RecordAgentEventService(owner, transition -> { });
    }

    @TearDown
    public void tearDown() {
        prune.close();
        scheduler.shutdownNow();
    }

    @Benchmark
    public AgentEventOutcome recordAgentEventPublished() {
        i++;
        millis.incrementAndGet();
        int n = (int) (i % sessions) + 1;
        return service.record(new RecordAgentEventUseCase.Command("claude-code", BenchWorld.status(i),
                BenchWorld.name(n), null, "thread-" + n + "-" + (i / sessions % 2), null, null, null, null, null));
    }
}
