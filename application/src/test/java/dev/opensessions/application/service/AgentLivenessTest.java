package dev.opensessions.application.service;

import dev.opensessions.application.testkit.FakeAgentProcesses;
import dev.opensessions.domain.agent.AgentProcesses;
import dev.opensessions.domain.session.SessionName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AgentLivenessTest {

    private final Harness h = new Harness();
    private final FakeAgentProcesses processes = new FakeAgentProcesses();
    private final AgentLiveness liveness = new AgentLiveness(processes, h.owner, h.clock, Set.of("claude-code"));

    @Test
    void aReadingIsReusedUntilThePanesChangeOrHalfAMinutePassed() {
        h.mux.pushSessions("api", "/w/api");
        liveness.start();
        processes.set(WatchRig.claudeIn("%0", "/w/api"));

        AgentProcesses first = liveness.current();
        liveness.current();
        assertThat(processes.readings()).isEqualTo(1);
        assertThat(first.processes()).singleElement()
                .satisfies(p -> assertThat(p.session()).as("the pane's session").isEqualTo(SessionName.of("api")));

        h.clock.advance(Duration.ofSeconds(29));
        liveness.current();
        assertThat(processes.readings()).isEqualTo(1);
        h.clock.advance(Duration.ofSeconds(1));
        liveness.current();
        assertThat(processes.readings()).isEqualTo(2);

        processes.change();
        assertThat(liveness.current().processes()).isEmpty();
        assertThat(processes.readings()).isEqualTo(3);
    }

    @Test
    void aPaneChangeAloneReadsNothingAndTellsTheListeners() {
        AtomicInteger told = new AtomicInteger();
        liveness.onChange(told::incrementAndGet);
        liveness.start();

        processes.change(WatchRig.claudeIn("%1", "/w/api"));

        assertThat(told).hasValue(1);
        assertThat(processes.readings()).isZero();
    }

    @Test
    void aMachineThatCannotTellGivesUnknownLiveness() {
        processes.unknown();

        assertThat(liveness.current().known()).isFalse();
    }
}
