package dev.opensessions.application.service;

import dev.opensessions.application.port.in.ExplainAgentsUseCase.AgentExplanation;
import dev.opensessions.application.port.in.RecordAgentEventUseCase.Command;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static dev.opensessions.application.service.WatchRig.thread;
import static org.assertj.core.api.Assertions.assertThat;

class AgentWatchMappingTest {

    private static final Instant T0 = Harness.T0;

    private final WatchRig rig = new WatchRig();

    @AfterEach
    void stop() {
        rig.close();
    }

    private AgentExplanation explained(String key) {
        return rig.watch.explain(Optional.empty()).stream().filter(e -> e.key().equals(key)).findFirst().orElseThrow();
    }

    private SessionName sessionOf(String threadId) {
        return rig.row(threadId).orElseThrow().session();
    }

    @Test
    void thePaneWinsOverTheDirectory() {
        rig.h.mux.pushSessions("api", "/w/api", "web", "/w/web");

        rig.claude.report(thread("t1", AgentStatus.RUNNING, "/w/api", "%1", T0, false, "p"));

        assertThat(sessionOf("t1")).isEqualTo(SessionName.of("web"));
        assertThat(explained("claude-code:t1").mapping()).isEqualTo("pane %1");
    }

    @Test
    void anUnknownPaneFallsBackToTheDirectory() {
        rig.h.mux.pushSessions("api", "/w/api", "web", "/w/web");

        rig.claude.report(thread("t1", AgentStatus.RUNNING, "/w/api", "%77", T0, false, "p"));

        assertThat(sessionOf("t1")).isEqualTo(SessionName.of("api"));
        assertThat(explained("claude-code:t1").mapping()).isEqualTo("directory /w/api");
    }

    @Test
    void aDirectoryInsideASessionMapsByPrefix() {
        rig.h.mux.pushSessions("api", "/w/api", "web", "/w/web");

        rig.claude.report(thread("t1", AgentStatus.RUNNING, "/w/api/src/main", null, T0, false, "p"));

        assertThat(sessionOf("t1")).isEqualTo(SessionName.of("api"));
        assertThat(explained("claude-code:t1").mapping()).isEqualTo("prefix /w/api");
    }

    @Test
    void anEncodedClaudeFolderMatchesTheSessionWhoseDirectoryEncodesTheSame() {
        rig.h.mux.pushSessions("notes", "/home/me/notes", "app", "/home/me/my_app.v2");

        rig.claude.report(thread("t1", AgentStatus.DONE, "__encoded__:-home-me-my-app-v2", null, T0, false, "p"));

        assertThat(sessionOf("t1")).isEqualTo(SessionName.of("app"));
        assertThat(explained("claude-code:t1").mapping()).isEqualTo("encoded -home-me-my-app-v2");
    }

    @Test
    void anUnresolvedThreadWaitsAndIsRecordedWhenItsSessionAppears() {
        rig.h.mux.pushSessions("api", "/w/api");

        rig.claude.report(thread("t1", AgentStatus.DONE, "/w/new", null, T0, false, "p"));

        assertThat(rig.recorded).isEmpty();
        AgentExplanation pending = explained("claude-code:t1");
        assertThat(pending.session()).isNull();
        assertThat(pending.mapping()).isEqualTo("unresolved");
        rig.h.mux.pushSessions("api", "/w/api", "new", "/w/new");

        rig.awaitStatus("t1", AgentStatus.DONE);
        assertThat(sessionOf("t1")).isEqualTo(SessionName.of("new"));
        assertThat(rig.recorded).hasSize(1);
        assertThat(explained("claude-code:t1").mapping()).isEqualTo("directory /w/new");
    }

    @Test
    void explainTellsAWatchedRowsSourceEvidenceAndBothStatuses() {
        rig.h.mux.pushSessions("api", "/w/api");

        rig.claude.report(thread("t1", AgentStatus.RUNNING, "/w/api", null, T0.minusSeconds(5), true, "p"));

        AgentExplanation row = explained("claude-code:t1");
        assertThat(row).isEqualTo(new AgentExplanation("claude-code:t1", "claude-code", "api", "waiting", "running",
                "watcher", "/home/me/.claude/projects/-w-api/t1.jsonl",
                List.of("line 41 assistant tool_use Bash", "line 42 stop_reason tool_use"), "directory /w/api",
                false, T0.minusSeconds(5).toString(), "transcript",
                "the last entry is a tool call and the file has been quiet 5 s; no agent process found"));
    }

    @Test
    void explainListsPushedRowsAsHttpAndFiltersBySession() {
        rig.h.mux.pushSessions("api", "/w/api", "web", "/w/web");
        rig.h.agents.record(new Command("amp", AgentStatus.DONE, null, null, "T-9", "Ship", null, T0, null,
                PaneId.of("%1")));
        rig.claude.report(thread("t1", AgentStatus.RUNNING, "/w/api", null, T0, false, "p"));

        List<AgentExplanation> web = rig.watch.explain(Optional.of(SessionName.of("web")));

        assertThat(web).singleElement().satisfies(row -> {
            assertThat(row.key()).isEqualTo("amp:T-9");
            assertThat(row.source()).isEqualTo("http");
            assertThat(row.origin()).isEqualTo("pane %1");
            assertThat(row.mapping()).isEqualTo("pane %1");
            assertThat(row.status()).isEqualTo("done");
            assertThat(row.unseen()).isTrue();
            assertThat(row.evidence()).isEmpty();
        });
        assertThat(rig.watch.explain(Optional.empty())).extracting(AgentExplanation::key)
                .containsExactly("claude-code:t1", "amp:T-9");
    }

    @Test
    void explainShowsAnIgnoredIdleThreadWithoutARow() {
        rig.h.mux.pushSessions("api", "/w/api");

        rig.claude.report(thread("t1", AgentStatus.IDLE, "/w/api", null, T0, false, null));

        AgentExplanation row = explained("claude-code:t1");
        assertThat(row.status()).isEqualTo("idle");
        assertThat(row.session()).isEqualTo("api");
        assertThat(rig.row("t1")).isEmpty();
    }
}
