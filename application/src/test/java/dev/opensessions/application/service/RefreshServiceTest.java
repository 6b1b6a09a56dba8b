package dev.opensessions.application.service;

import dev.opensessions.application.port.in.ClientContext;
import dev.opensessions.application.port.in.RecordAgentEventUseCase;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.WindowId;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class RefreshServiceTest {

    private final Harness harness = new Harness();
    private final RefreshService service = new RefreshService(harness.owner, harness.mux);

    @Test
    void refreshReadsTheMultiplexerAgain() {
        service.refresh();

        assertThat(harness.mux.refreshes()).isEqualTo(1);
    }

    @Test
    void focusOnAnActivePaneMarksItsAgentsSeen() {
        harness.mux.pushSessions("api", "/src/api", "web", "/src/web");
        done("%0", "t1");
        done("%1", "t2");

        service.focus(ClientContext.of("/dev/pts/1", SessionName.of("api"), WindowId.of("@1"), PaneId.of("%0"), true));

        assertThat(harness.mux.refreshes()).isEqualTo(1);
        assertThat(harness.owner.current().agents().unseen(SessionName.of("api"))).isFalse();
        assertThat(harness.owner.current().agents().unseen(SessionName.of("web"))).isTrue();
    }

    @Test
    void focusWithoutAnActiveValidPaneOnlyRefreshes() {
        harness.mux.pushSessions("api", "/src/api");
        done("%0", "t1");

        service.focus(ClientContext.of("/dev/pts/1", SessionName.of("api"), WindowId.of("@1"), PaneId.of("%0"), false));
        service.focus(new ClientContext(Optional.of("/dev/pts/1"), Optional.of(SessionName.of("api")),
                Optional.of(WindowId.of("@1")), Optional.empty(), true));

        assertThat(harness.mux.refreshes()).isEqualTo(2);
        assertThat(harness.owner.current().agents().unseen(SessionName.of("api"))).isTrue();
    }

    private void done(String pane, String thread) {
        harness.agents.record(new RecordAgentEventUseCase.Command("claude-code", AgentStatus.DONE, null, null, thread,
                null, null, null, null, PaneId.of(pane)));
    }
}
