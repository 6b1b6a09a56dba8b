package dev.opensessions.application.service;

import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.domain.agent.AgentStatus;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class AgentHeuristicsTest {

    private static final Instant LAST = Instant.parse("2026-11-24T10:00:00Z");

    private static AgentObservation read(String status, boolean toolCall) {
        return new AgentObservation("codex", "019a", AgentStatus.fromWire(status).orElseThrow(), null, null, "/w",
                null, LAST, toolCall, "/home/me/.codex/sessions/rollout.jsonl", List.of());
    }

    @ParameterizedTest(name = "{0} tool={1} quiet {2} ms -> {3}, next at +{4} ms")
    @CsvSource(nullValues = "-", value = {
            "running, true,  2999,  running, 3000",
            "running, true,  3000,  waiting, 15000",
            "running, true,  14999, waiting, 15000",
            "running, true,  15000, stale,   -",
            "running, false, 3000,  running, 15000",
            "running, false, 15000, stale,   -",
            "waiting, false, 0,     waiting, 15000",
            "waiting, false, 15000, stale,   -",
            "tool-running, true, 60000, tool-running, -",
            "done,    true,  60000, done,    -",
            "idle,    false, 60000, idle,    -",
            "running, true,  -5000, running, 3000"})
    void waitingAfterThreeQuietSecondsOnAToolCallAndStaleAfterFifteen(String status, boolean toolCall, long quietMillis,
                                                                     String shown, Long nextMillis) {
        AgentObservation observation = read(status, toolCall);
        Instant now = LAST.plusMillis(quietMillis);

        assertThat(AgentHeuristics.shown(observation, now).wireName()).isEqualTo(shown);
        assertThat(AgentHeuristics.nextChange(observation, now))
                .isEqualTo(Optional.ofNullable(nextMillis).map(LAST::plusMillis));
    }
}
