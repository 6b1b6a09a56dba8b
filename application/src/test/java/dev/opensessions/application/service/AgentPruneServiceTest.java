package dev.opensessions.application.service;

import dev.opensessions.application.port.in.RecordAgentEventUseCase.Command;
import dev.opensessions.domain.agent.AgentStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import static dev.opensessions.application.testkit.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

class AgentPruneServiceTest {

    private final Harness h = new Harness();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final AgentPruneService prune = new AgentPruneService(h.owner, scheduler);

    @AfterEach
    void stop() {
        prune.close();
        scheduler.shutdownNow();
    }

    private void agent(String thread, AgentStatus status) {
        h.agents.record(new Command("amp", status, dev.opensessions.domain.session.SessionName.of("a"), null,
                thread, null, null, null, null, null));
    }

    @Test
    void noTimerIsArmedWhileNoRowCanExpire() {
        h.mux.pushSessions("a", "/a");
        prune.start();
        agent("w", AgentStatus.WAITING);

        assertThat(prune.armedFor()).isEmpty();
    }

    @Test
    void theTimerIsArmedForTheEarliestExpiry() {
        h.mux.pushSessions("a", "/a");
        prune.start();
        agent("done", AgentStatus.DONE);
        agent("run", AgentStatus.RUNNING);

        assertThat(prune.armedFor()).contains(Harness.T0.plus(Duration.ofMinutes(3)));
    }

    @Test
    void aLaterEventKeepsTheArmedTimerAndAnEarlierExpiryReplacesIt() {
        h.mux.pushSessions("a", "/a");
        prune.start();
        agent("run", AgentStatus.RUNNING);
        assertThat(prune.armedFor()).contains(Harness.T0.plus(Duration.ofMinutes(3)));

        h.clock.advance(Duration.ofMinutes(1));
        agent("run", AgentStatus.RUNNING);
        assertThat(prune.armedFor()).contains(Harness.T0.plus(Duration.ofMinutes(3)));

        h.agents.record(new Command("amp", AgentStatus.RUNNING, dev.opensessions.domain.session.SessionName.of("a"),
                null, "old", null, null, Harness.T0.minus(Duration.ofMinutes(2)), null, null));
        assertThat(prune.armedFor()).contains(Harness.T0.plus(Duration.ofMinutes(1)));
    }

    @Test
    void anExpiredRowIsPrunedByTheTimerAndTheNextOneArmed() {
        h.mux.pushSessions("a", "/a");
        agent("run", AgentStatus.RUNNING);
        agent("done", AgentStatus.DONE);
        h.clock.advance(Duration.ofMinutes(4));
        prune.start();

        until(() -> h.owner.current().agents().threads().size() == 1);
        assertThat(h.owner.current().agents().threads().getFirst().threadId()).isEqualTo("done");
        assertThat(prune.armedFor()).contains(Harness.T0.plus(Duration.ofMinutes(15)));
    }

    @Test
    void aRunningRowWhoseAgentProcessLivesArmsNoStuckTimerUntilTheProcessGoes() {
        dev.opensessions.application.testkit.FakeAgentProcesses processes =
                new dev.opensessions.application.testkit.FakeAgentProcesses();
        AgentLiveness liveness = new AgentLiveness(processes, h.owner, h.clock, java.util.Set.of("amp"));
        AgentPruneService living = new AgentPruneService(h.owner, scheduler, liveness);
        liveness.onChange(living::processesChanged);
        liveness.start();
        h.mux.pushSessions("a", "/a");
        processes.set(new dev.opensessions.application.port.out.AgentProcessReader.RunningAgent("amp", 7, "amp",
                dev.opensessions.domain.session.PaneId.of("%0"), "/a"));
        liveness.current();
        living.start();
        agent("run", AgentStatus.RUNNING);

        assertThat(living.armedFor()).isEmpty();
        processes.change();
        liveness.current();

        until(() -> living.armedFor().equals(java.util.Optional.of(Harness.T0.plus(Duration.ofMinutes(3)))));
        living.close();
    }
}
