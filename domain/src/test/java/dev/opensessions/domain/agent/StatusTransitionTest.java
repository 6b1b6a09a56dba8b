package dev.opensessions.domain.agent;

import dev.opensessions.domain.session.SessionName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import static org.assertj.core.api.Assertions.assertThat;

/** The written-out {@code equals} and {@code hashCode} answer as a record's generated ones do. */
class StatusTransitionTest {

    private static final Instant T0 = Instant.parse("2026-12-08T00:00:00Z");
    private static final StatusTransition BASE = new StatusTransition(SessionName.of("api"), new ThreadKey("codex:a"),
            AgentStatus.RUNNING, AgentStatus.WAITING, T0, false);

    @Test
    void equalComponentsAreEqualWithTheGeneratedHash() {
        StatusTransition same = new StatusTransition(SessionName.of("api"), new ThreadKey("codex:a"),
                AgentStatus.RUNNING, AgentStatus.WAITING, Instant.parse("2026-12-08T00:00:00Z"), false);
        StatusTransition fresh = new StatusTransition(SessionName.of("api"), new ThreadKey("codex:a"), null,
                AgentStatus.WAITING, T0, true);

        assertThat(same).isEqualTo(BASE).hasSameHashCodeAs(BASE);
        assertThat(BASE.hashCode()).isEqualTo(generatedHash(BASE));
        assertThat(fresh.hashCode()).isEqualTo(generatedHash(fresh));
    }

    @Test
    void aTransitionDifferingInAnyOneComponentIsNotEqual() {
        List<StatusTransition> others = List.of(
                new StatusTransition(SessionName.of("web"), BASE.thread(), BASE.from(), BASE.to(), T0, false),
                new StatusTransition(BASE.session(), new ThreadKey("codex:b"), BASE.from(), BASE.to(), T0, false),
                new StatusTransition(BASE.session(), BASE.thread(), null, BASE.to(), T0, false),
                new StatusTransition(BASE.session(), BASE.thread(), BASE.from(), AgentStatus.DONE, T0, false),
                new StatusTransition(BASE.session(), BASE.thread(), BASE.from(), BASE.to(), T0.plusMillis(1), false),
                new StatusTransition(BASE.session(), BASE.thread(), BASE.from(), BASE.to(), T0, true));

        for (StatusTransition other : others) {
            assertThat(other).isNotEqualTo(BASE);
            assertThat(BASE).isNotEqualTo(other);
        }
        assertThat(BASE).isNotEqualTo(null).isNotEqualTo("api");
    }

    /** What {@code java.lang.runtime.ObjectMethods} computes for a record: 31 times the hash so far plus each component's. */
    private static int generatedHash(StatusTransition t) {
        int hash = 0;
        for (Object component : new Object[] {t.session(), t.thread(), t.from(), t.to(), t.at()}) {
            hash = 31 * hash + Objects.hashCode(component);
        }
        return 31 * hash + Boolean.hashCode(t.unseen());
    }
}
