package dev.opensessions.domain.agent;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class AgentStatusTest {

    @ParameterizedTest
    @CsvSource({
            "tool-running, 7, false",
            "running,      6, false",
            "error,        5, true",
            "stale,        4, true",
            "interrupted,  3, true",
            "waiting,      2, false",
            "done,         1, true",
            "idle,         0, false"})
    void wireNamesCarryTrackerPriorityAndTerminality(String wire, int priority, boolean terminal) {
        AgentStatus status = AgentStatus.fromWire(wire).orElseThrow();

        assertThat(status.wireName()).isEqualTo(wire);
        assertThat(status.trackerPriority()).isEqualTo(priority);
        assertThat(status.isTerminal()).isEqualTo(terminal);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Done", "DONE", "finished", "tool_running", " done", "done "})
    void anythingButAnExactWireNameIsUnknown(String wire) {
        assertThat(AgentStatus.fromWire(wire)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void nullIsUnknown() {
        assertThat(AgentStatus.fromWire(null)).isEmpty();
    }
}
