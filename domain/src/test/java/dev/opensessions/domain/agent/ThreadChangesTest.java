package dev.opensessions.domain.agent;

import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ThreadChangesTest {

    private static final SessionName API = SessionName.of("api");
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void aNewRowAndAStatusChangeAreChanges() {
        AgentTracker running = AgentTracker.empty().record(API, event("running", 0), Set.of());
        AgentTracker done = running.record(API, event("done", 1), Set.of());

        List<ThreadChange> first = ThreadChanges.between(AgentTracker.empty(), running);
        List<ThreadChange> second = ThreadChanges.between(running, done);

        assertThat(first).singleElement().satisfies(c -> assertThat(c.before()).isNull());
        assertThat(second).singleElement().satisfies(c -> {
            assertThat(c.before().status()).isEqualTo(AgentStatus.RUNNING);
            assertThat(c.after().status()).isEqualTo(AgentStatus.DONE);
            assertThat(c.after().unseen()).isTrue();
        });
    }

    @Test
    void aClearedMarkerIsAChangeAndTheSameStatusRestampedIsNot() {
        AgentTracker done = AgentTracker.empty().record(API, event("done", 0), Set.of());
        AgentTracker restamped = done.record(API, event("done", 1), Set.of());
        AgentTracker seen = restamped.markPaneSeen(PaneId.of("%1"));

        assertThat(ThreadChanges.between(done, restamped)).isEmpty();
        assertThat(ThreadChanges.between(restamped, seen)).singleElement()
                .satisfies(c -> assertThat(c.markerCleared()).isTrue());
    }

    private static AgentEvent event(String status, int seconds) {
        return new AgentEvent("claude-code", AgentStatus.fromWire(status).orElseThrow(), T0.plusSeconds(seconds), "t1",
                null, null, null, PaneId.of("%1"), null);
    }
}
