package dev.opensessions.application.service;

import dev.opensessions.application.port.in.RecordAgentEventUseCase;
import dev.opensessions.application.port.in.SwitchSessionUseCase.SwitchOutcome;
import dev.opensessions.application.state.Change;
import dev.opensessions.application.testkit.FakeMultiplexer;
import dev.opensessions.application.testkit.FakeSessionSource;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.session.Client;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.Topology;
import dev.opensessions.domain.sidebar.SessionFilter;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class SwitchSessionServiceTest {

    private final Harness harness = new Harness();
    private final FakeMultiplexer tmux = new FakeMultiplexer();
    private final SwitchSessionService service = new SwitchSessionService(harness.owner, tmux);

    @Test
    void switchesTheClientWhoseActivePaneIsTheSidebarAndNoOther() {
        push(new Client("/dev/pts/1", SessionName.of("api"), PaneId.of("%0")),
                new Client("/dev/pts/2", SessionName.of("api"), PaneId.of("%9")));

        SwitchOutcome outcome = service.switchFrom(PaneId.of("%9"), SessionName.of("web"));

        assertThat(outcome).isEqualTo(new SwitchOutcome.Switched("/dev/pts/2"));
        assertThat(tmux.switches).containsExactly(new FakeMultiplexer.SwitchCall("/dev/pts/2", SessionName.of("web")));
    }

    @Test
    void fallsBackToAClientOnThePanesSession() {
        push(new Client("/dev/pts/4", SessionName.of("web"), PaneId.of("%1")),
                new Client("/dev/pts/5", SessionName.of("api"), PaneId.of("%0")));

        assertThat(service.switchFrom(PaneId.of("%0"), SessionName.of("web")))
                .isEqualTo(new SwitchOutcome.Switched("/dev/pts/5"));
    }

    @Test
    void aSidebarPaneIsFoundThroughTheSessionItLivesIn() {
        harness.mux.push(new Topology(List.of(FakeSessionSource.session("api", "/src/api", 0),
                FakeSessionSource.session("web", "/src/web", 1)), Set.of(),
                List.of(new Client("/dev/pts/7", SessionName.of("api"), PaneId.of("%0"))),
                Map.of(PaneId.of("%5"), SessionName.of("api"))));

        assertThat(service.switchFrom(PaneId.of("%5"), SessionName.of("web")))
                .isEqualTo(new SwitchOutcome.Switched("/dev/pts/7"));
    }

    @Test
    void unknownTargetsAndDetachedPanesChangeNothing() {
        push(new Client("/dev/pts/1", SessionName.of("web"), PaneId.of("%1")));

        assertThat(service.switchFrom(PaneId.of("%0"), SessionName.of("ghost")))
                .isEqualTo(new SwitchOutcome.UnknownSession());
        assertThat(service.switchFrom(PaneId.of("%0"), SessionName.of("web"))).isEqualTo(new SwitchOutcome.NoClient());
        assertThat(tmux.switches).isEmpty();
    }

    @Test
    void aClientTheStateHasNotHeardOfYetIsAskedOfTheMultiplexer() {
        push(new Client("/dev/pts/1", SessionName.of("web"), PaneId.of("%1")));
        tmux.liveClients.put(PaneId.of("%0"), "/dev/pts/7");

        assertThat(service.switchFrom(PaneId.of("%0"), SessionName.of("web")))
                .isEqualTo(new SwitchOutcome.Switched("/dev/pts/7"));
        assertThat(tmux.switches).containsExactly(new FakeMultiplexer.SwitchCall("/dev/pts/7", SessionName.of("web")));
    }

    @Test
    void aFailingMultiplexerIsAnOutcomeNotAnException() {
        push(new Client("/dev/pts/1", SessionName.of("api"), PaneId.of("%0")));
        tmux.failing = true;

        assertThat(service.switchFrom(PaneId.of("%0"), SessionName.of("web")))
                .isInstanceOf(SwitchOutcome.Failed.class);
    }

    @Test
    void anIndexSwitchesThatClientToTheNthSessionItSeesListed() {
        harness.mux.push(new Topology(List.of(FakeSessionSource.session("api", "/src/api", 0),
                FakeSessionSource.session("web", "/src/web", 1), FakeSessionSource.session("docs", "/src/docs", 2)),
                Set.of(), List.of(new Client("/dev/pts/1", SessionName.of("api"), PaneId.of("%0")),
                new Client("/dev/pts/2", SessionName.of("web"), PaneId.of("%1")))));
        harness.order.hide(SessionName.of("web"));

        assertThat(service.switchClientToIndex("/dev/pts/1", 2)).isEqualTo(new SwitchOutcome.Switched("/dev/pts/1"));
        assertThat(service.switchClientToIndex("/dev/pts/2", 2)).isEqualTo(new SwitchOutcome.Switched("/dev/pts/2"));

        assertThat(tmux.switches).as("a hidden session is listed only for the client showing it").containsExactly(
                new FakeMultiplexer.SwitchCall("/dev/pts/1", SessionName.of("docs")),
                new FakeMultiplexer.SwitchCall("/dev/pts/2", SessionName.of("web")));
    }

    @Test
    void anIndexHonoursTheSharedFilter() {
        push(new Client("/dev/pts/1", SessionName.of("api"), PaneId.of("%0")));
        harness.agents.record(new RecordAgentEventUseCase.Command("amp",
                AgentStatus.RUNNING, null, null, "t1", null, null, null, null, PaneId.of("%1")));
        harness.owner.apply(state -> Change.of(
                state.withSidebar(state.sidebar().withFilter(SessionFilter.RUNNING)), null));

        assertThat(service.switchClientToIndex("/dev/pts/1", 1)).isEqualTo(new SwitchOutcome.Switched("/dev/pts/1"));
        assertThat(tmux.switches).containsExactly(new FakeMultiplexer.SwitchCall("/dev/pts/1", SessionName.of("web")));
    }

    @Test
    void anIndexOutOfRangeOrAnUnknownClientSwitchesNothing() {
        push(new Client("/dev/pts/1", SessionName.of("api"), PaneId.of("%0")));

        assertThat(service.switchClientToIndex("/dev/pts/1", 0)).isEqualTo(new SwitchOutcome.OutOfRange(0, 2));
        assertThat(service.switchClientToIndex("/dev/pts/1", 3)).isEqualTo(new SwitchOutcome.OutOfRange(3, 2));
        assertThat(service.switchClientToIndex("/dev/pts/9", 1)).isEqualTo(new SwitchOutcome.NoClient());
        assertThat(tmux.switches).isEmpty();
    }

    private void push(Client... clients) {
        harness.mux.push(new Topology(List.of(FakeSessionSource.session("api", "/src/api", 0),
                FakeSessionSource.session("web", "/src/web", 1)), Set.of(), List.of(clients)));
    }
}
