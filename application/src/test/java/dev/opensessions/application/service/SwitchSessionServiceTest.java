package dev.opensessions.application.service;

import dev.opensessions.application.port.in.SwitchSessionUseCase.SwitchOutcome;
import dev.opensessions.application.testkit.FakeMultiplexer;
import dev.opensessions.application.testkit.FakeSessionSource;
import dev.opensessions.domain.session.Client;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.Topology;
import org.junit.jupiter.api.Test;

import java.util.List;
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
                java.util.Map.of(PaneId.of("%5"), SessionName.of("api"))));

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
    void aFailingMultiplexerIsAnOutcomeNotAnException() {
        push(new Client("/dev/pts/1", SessionName.of("api"), PaneId.of("%0")));
        tmux.failing = true;

        assertThat(service.switchFrom(PaneId.of("%0"), SessionName.of("web")))
                .isInstanceOf(SwitchOutcome.Failed.class);
    }

    private void push(Client... clients) {
        harness.mux.push(new Topology(List.of(FakeSessionSource.session("api", "/src/api", 0),
                FakeSessionSource.session("web", "/src/web", 1)), Set.of(), List.of(clients)));
    }
}
