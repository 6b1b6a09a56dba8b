package dev.opensessions.application.service;

import dev.opensessions.application.port.in.RecordAgentEventUseCase.Command;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.Liveness;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.Topology;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static dev.opensessions.application.testkit.FakeSessionSource.session;
import static org.assertj.core.api.Assertions.assertThat;

class TopologyServiceTest {

    private final Harness h = new Harness();

    private void done(String pane) {
        h.agents.record(new Command("amp", AgentStatus.DONE, null, null, "t" + pane, null, null, null, null,
                PaneId.of(pane)));
    }

    @Test
    void sessionsFromTheMultiplexerReplaceTheLiveSet() {
        h.mux.pushSessions("a", "/a", "b", "/b");
        h.mux.pushSessions("b", "/b");

        assertThat(h.owner.current().topology().sessions()).extracting(s -> s.name().value()).containsExactly("b");
    }

    @Test
    void agentsWhosePaneWentAwayAreExitedAndComeBackAlive() {
        h.mux.pushSessions("a", "/a", "b", "/b");
        h.agents.record(new Command("amp", AgentStatus.RUNNING, null, null, "x", null, null, null, null,
                PaneId.of("%1")));

        h.mux.pushSessions("a", "/a");
        assertThat(h.owner.current().agents().threads().getFirst().liveness()).isEqualTo(Liveness.EXITED);
        assertThat(h.owner.current().agents().visible(SessionName.of("b"), Set.of())).isEmpty();

        h.mux.pushSessions("a", "/a", "b", "/b");
        assertThat(h.owner.current().agents().threads().getFirst().liveness()).isEqualTo(Liveness.ALIVE);
    }

    @Test
    void aPaneThatGainsFocusMarksItsAgentsSeen() {
        List<dev.opensessions.domain.session.Session> sessions = List.of(session("a", "/a", 0), session("b", "/b", 1));
        h.mux.push(new Topology(sessions, Set.of(PaneId.of("%0"))));
        done("%1");
        assertThat(h.owner.current().agents().unseen(SessionName.of("b"))).isTrue();

        h.mux.push(new Topology(sessions, Set.of(PaneId.of("%1"))));

        assertThat(h.owner.current().agents().unseen(SessionName.of("b"))).isFalse();
    }

    @Test
    void aClientSwitchingIntoASessionWithOneUnseenAgentMarksItSeen() {
        List<dev.opensessions.domain.session.Session> sessions = List.of(session("a", "/a", 0), session("b", "/b", 1));
        h.mux.push(new Topology(sessions, Set.of(PaneId.of("%0")),
                List.of(new dev.opensessions.domain.session.Client("/dev/pts/1", SessionName.of("a"), PaneId.of("%0")))));
        h.agents.record(new Command("claude-code", AgentStatus.DONE, SessionName.of("b"), null, "t", null, null, null,
                null, null));
        assertThat(h.owner.current().agents().unseen(SessionName.of("b"))).isTrue();

        h.mux.push(new Topology(sessions, Set.of(PaneId.of("%1")),
                List.of(new dev.opensessions.domain.session.Client("/dev/pts/1", SessionName.of("b"), PaneId.of("%1")))));

        assertThat(h.owner.current().agents().unseen(SessionName.of("b"))).isFalse();
    }
}
