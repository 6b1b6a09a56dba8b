package dev.opensessions.application.service;

import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.SeenMark;
import dev.opensessions.domain.agent.StatusTransition;
import dev.opensessions.domain.agent.ThreadKey;
import dev.opensessions.domain.agent.WaitFigures;
import dev.opensessions.domain.agent.WaitReport;
import dev.opensessions.domain.session.SessionName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class WaitStatsServiceTest {

    private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");
    private static final SessionName A = SessionName.of("a");
    private static final SessionName B = SessionName.of("b");

    @Test
    void aSessionsFiguresFromItsOwnRowsAreThoseOfTheWholeReport() {
        RecordingStores stores = new RecordingStores();
        ThreadKey a1 = new ThreadKey("claude-code:a1");
        ThreadKey a2 = new ThreadKey("codex:a2");
        ThreadKey b1 = new ThreadKey("amp:b1");
        stores.history.addAll(List.of(
                new StatusTransition(A, a1, null, AgentStatus.RUNNING, T0.plusSeconds(1)),
                new StatusTransition(B, b1, null, AgentStatus.WAITING, T0.plusSeconds(2)),
                new StatusTransition(A, a1, AgentStatus.RUNNING, AgentStatus.WAITING, T0.plusSeconds(5)),
                new StatusTransition(A, a2, null, AgentStatus.DONE, T0.plusSeconds(6), true),
                new StatusTransition(B, b1, AgentStatus.WAITING, AgentStatus.RUNNING, T0.plusSeconds(9)),
                new StatusTransition(A, a1, AgentStatus.WAITING, AgentStatus.RUNNING, T0.plusSeconds(12))));
        stores.seen.add(new SeenMark(A, a2, T0.plusSeconds(20)));
        WaitStatsService service = new WaitStatsService(stores.service(),
                Clock.fixed(T0.plusSeconds(30), ZoneOffset.UTC));

        WaitReport whole = service.stats(T0);
        WaitFigures ofA = service.stats(T0, A);
        WaitFigures ofB = service.stats(T0, B);

        assertThat(ofA).isEqualTo(whole.session(A)).isNotEqualTo(WaitFigures.NONE);
        assertThat(ofB).isEqualTo(whole.session(B)).isNotEqualTo(WaitFigures.NONE);
        assertThat(service.stats(T0, SessionName.of("c"))).isEqualTo(WaitFigures.NONE);
    }
}
