package dev.opensessions.domain.agent;

import dev.opensessions.domain.session.SessionName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PiSessionEndTest {

    private static final Instant WRITTEN = Instant.parse("2026-11-24T10:00:00Z");

    private static AgentThread row(AgentStatus status) {
        return new AgentThread("pi", SessionName.of("api"), status, WRITTEN, "s1", "fix it", "go", false, null,
                Liveness.ALIVE, "/p");
    }

    @ParameterizedTest
    @EnumSource(value = AgentStatus.class, names = {"RUNNING", "TOOL_RUNNING", "WAITING"})
    void aRowLeftOpenGoesStaleAtItsOwnTime(AgentStatus status) {
        assertThat(PiSessionEnd.staleReport(row(status)))
                .contains(new AgentEvent("pi", AgentStatus.STALE, WRITTEN, "s1", null, null, null, null, null));
    }

    @ParameterizedTest
    @EnumSource(value = AgentStatus.class, names = {"IDLE", "DONE", "ERROR", "INTERRUPTED", "STALE"})
    void anIdleOrFinishedRowStaysAsItIs(AgentStatus status) {
        assertThat(PiSessionEnd.staleReport(row(status))).isEmpty();
    }
}
