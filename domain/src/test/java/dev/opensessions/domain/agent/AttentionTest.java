package dev.opensessions.domain.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class AttentionTest {

    @ParameterizedTest
    @CsvSource({
            "error,        false, ERROR",
            "error,        true,  ERROR",
            "stale,        true,  STALE",
            "interrupted,  true,  INTERRUPTED",
            "waiting,      false, WAITING",
            "done,         true,  DONE_UNSEEN",
            "done,         false, DONE_SEEN",
            "tool-running, false, TOOL_RUNNING",
            "running,      false, RUNNING",
            "idle,         false, IDLE"})
    void statusAndUnseenGiveTheSignal(String status, boolean unseen, Attention expected) {
        assertThat(Attention.of(AgentStatus.fromWire(status).orElseThrow(), unseen)).isEqualTo(expected);
    }

    @Test
    void userFacingOrderPutsFailuresFirstAndIdleLast() {
        List<Attention> order = Arrays.asList(Attention.values());

        assertThat(order).containsExactly(Attention.ERROR, Attention.STALE, Attention.INTERRUPTED,
                Attention.WAITING, Attention.DONE_UNSEEN, Attention.TOOL_RUNNING, Attention.RUNNING,
                Attention.DONE_SEEN, Attention.IDLE);
        assertThat(Attention.WAITING.outranks(Attention.RUNNING)).isTrue();
        assertThat(Attention.DONE_SEEN.outranks(Attention.DONE_UNSEEN)).isFalse();
    }
}
