package dev.opensessions.application.service;

import dev.opensessions.application.port.in.JumpToNextUseCase.JumpOutcome;
import dev.opensessions.application.port.in.RecordAgentEventUseCase;
import dev.opensessions.application.testkit.FakeMultiplexer;
import dev.opensessions.application.testkit.FakeSessionSource;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.ThreadKey;
import dev.opensessions.domain.session.Client;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.Topology;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class JumpToNextServiceTest {

    private static final String TTY = "/dev/pts/1";

    private final Harness harness = new Harness();
    private final FakeMultiplexer tmux = new FakeMultiplexer();
    private final JumpToNextService service = new JumpToNextService(harness.owner, tmux);

    @Test
    void theClientGoesToThePaneOfTheAgentThatHasWaitedLongest() {
        layout("home");
        agent("b", AgentStatus.WAITING, "web", 2, 20);
        agent("a", AgentStatus.WAITING, "api", 1, 10);

        JumpOutcome outcome = service.jumpNext(TTY);

        assertThat(outcome).isEqualTo(new JumpOutcome.Jumped(SessionName.of("api"), new ThreadKey("codex:a"),
                PaneId.of("%1"), 1));
        assertThat(tmux.focuses).containsExactly(new FakeMultiplexer.FocusCall(TTY, PaneId.of("%1")));
    }

    @Test
    void pressingAgainGoesToTheNextAndARoundStartsOverWhenAllWereVisited() {
        layout("home");
        agent("a", AgentStatus.WAITING, "api", 1, 10);
        agent("b", AgentStatus.WAITING, "web", 2, 20);

        assertThat(jumpedTo()).isEqualTo("codex:a");
        layout("api", PaneId.of("%1"));
        assertThat(jumpedTo()).isEqualTo("codex:b");
        layout("web", PaneId.of("%2"));
        assertThat(jumpedTo()).isEqualTo("codex:a");
    }

    @Test
    void theAgentTheClientAlreadyLooksAtIsPassedOver() {
        layout("api", PaneId.of("%1"));
        agent("a", AgentStatus.WAITING, "api", 1, 10);
        agent("b", AgentStatus.WAITING, "web", 2, 20);

        assertThat(jumpedTo()).isEqualTo("codex:b");
    }

    @Test
    void aJumpToAnUnseenEndClearsItsMarkerAndAWaitingAgentGoesFirst() {
        layout("home");
        agent("done", AgentStatus.DONE, "api", 1, 5);
        agent("wait", AgentStatus.WAITING, "web", 2, 30);

        assertThat(jumpedTo()).isEqualTo("codex:wait");
        assertThat(jumpedTo()).isEqualTo("codex:done");
        assertThat(harness.owner.current().agents().find(new ThreadKey("codex:done")).orElseThrow().unseen()).isFalse();
    }

    @Test
    void anAgentWithoutAPaneIsShownByItsSession() {
        layout("home");
        harness.agents.record(new RecordAgentEventUseCase.Command("codex", AgentStatus.WAITING, SessionName.of("web"),
                null, "x", null, null, Harness.T0, null, null));

        assertThat(service.jumpNext(TTY)).isEqualTo(new JumpOutcome.Jumped(SessionName.of("web"),
                new ThreadKey("codex:x"), null, 0));
        assertThat(tmux.switches).containsExactly(new FakeMultiplexer.SwitchCall(TTY, SessionName.of("web")));
    }

    @Test
    void nothingMovesWhenNobodyNeedsYouOrTheClientIsUnknown() {
        layout("home");
        agent("a", AgentStatus.RUNNING, "api", 1, 10);

        assertThat(service.jumpNext(TTY)).isEqualTo(new JumpOutcome.NothingNeedsYou());
        assertThat(service.jumpNext("/dev/pts/9")).isEqualTo(new JumpOutcome.NoClient());
        assertThat(tmux.focuses).isEmpty();
        assertThat(tmux.switches).isEmpty();
    }

    @Test
    void aFailingMultiplexerIsAnOutcome() {
        layout("home");
        agent("a", AgentStatus.WAITING, "api", 1, 10);
        tmux.failing = true;

        assertThat(service.jumpNext(TTY)).isInstanceOf(JumpOutcome.Failed.class);
    }

    private String jumpedTo() {
        return ((JumpOutcome.Jumped) service.jumpNext(TTY)).thread().value();
    }

    private void layout(String shown) {
        layout(shown, PaneId.of("%0"));
    }

    private void layout(String shown, PaneId active) {
        harness.mux.push(new Topology(List.of(FakeSessionSource.session("home", "/src/home", 0),
                FakeSessionSource.session("api", "/src/api", 1), FakeSessionSource.session("web", "/src/web", 2)),
                Set.of(active), List.of(new Client(TTY, SessionName.of(shown), active))));
    }

    private void agent(String thread, AgentStatus status, String session, int pane, int second) {
        harness.clock.set(Harness.T0.plusSeconds(60));
        harness.agents.record(new RecordAgentEventUseCase.Command("codex", status, SessionName.of(session), null,
                thread, null, null, Harness.T0.plusSeconds(second), null, PaneId.of("%" + pane)));
    }
}
