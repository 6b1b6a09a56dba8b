package dev.opensessions.server;

import dev.opensessions.application.port.out.Multiplexer;
import dev.opensessions.application.port.out.ServerLifecycle;
import dev.opensessions.application.port.out.SessionSource;
import dev.opensessions.application.service.AgentPruneService;
import dev.opensessions.application.service.DurableStateService;
import dev.opensessions.application.service.QuitService;
import dev.opensessions.application.service.RecordAgentEventService;
import dev.opensessions.application.service.SessionMetadataService;
import dev.opensessions.application.service.SessionOrderService;
import dev.opensessions.application.service.StateQueryService;
import dev.opensessions.application.service.SwitchSessionService;
import dev.opensessions.application.service.TopologyService;
import dev.opensessions.application.state.StateOwner;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The core services of one server, built by hand in dependency order: stores restore the state, the
 * state owner holds it, services change and publish it. Started once, closed once.
 */
final class Core implements AutoCloseable {

    final StateOwner owner;
    final DurableStateService durable;
    final SessionMetadataService metadata;
    final RecordAgentEventService agentEvents;
    final SessionOrderService order;
    final StateQueryService query;
    final QuitService quit;
    final SwitchSessionService switchSession;
    private final ScheduledExecutorService scheduler;
    private final TopologyService topology;
    private final AgentPruneService prune;

    Core(Clock clock, StateStores stores, SessionSource sessions, Multiplexer multiplexer, ServerLifecycle lifecycle) {
        // One scheduler thread serves frame coalescing and the prune timer; neither runs while idle.
        this.scheduler = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "opensessions-scheduler");
            thread.setDaemon(true);
            return thread;
        });
        this.durable = new DurableStateService(stores.order(), stores.metadata(), stores.threads(), stores.history());
        this.owner = new StateOwner(clock, durable.restore());
        this.metadata = new SessionMetadataService(owner);
        this.agentEvents = new RecordAgentEventService(owner, durable);
        this.order = new SessionOrderService(owner);
        this.query = new StateQueryService(owner, scheduler);
        this.quit = new QuitService(lifecycle);
        this.switchSession = new SwitchSessionService(owner, multiplexer);
        this.topology = new TopologyService(owner, sessions);
        this.prune = new AgentPruneService(owner, scheduler);
    }

    void start() {
        durable.start(owner);
        topology.start();
        prune.start();
    }

    @Override
    public void close() {
        prune.close();
        topology.close();
        durable.close();
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
