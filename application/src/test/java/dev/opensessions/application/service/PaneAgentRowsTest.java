package dev.opensessions.application.service;

import dev.opensessions.application.port.in.ExplainAgentsUseCase.AgentExplanation;
import dev.opensessions.application.port.out.AgentProcessReader.RunningAgent;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.screen.AgentProgram;
import dev.opensessions.domain.agent.screen.ScreenReading;
import dev.opensessions.domain.agent.screen.ScreenRule;
import dev.opensessions.domain.agent.screen.ScreenState;
import dev.opensessions.domain.session.PaneId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static dev.opensessions.application.testkit.Await.until;
import static org.assertj.core.api.Assertions.assertThat;

/** Screen evidence through the watch service: rows of agents seen only in a pane, and threads it annotates. */
class PaneAgentRowsTest {

    private static final ScreenRule GEMINI = rule("gemini");
    private static final ScreenRule CLAUDE = rule("claude-code");
    private static final String ROW = "pane:%0";

    private final WatchRig rig = new WatchRig();

    @AfterEach
    void stop() {
        rig.close();
    }

    @Test
    void anAgentNoSourceSpeaksForGetsARowKeyedByItsPaneThatFollowsItsScreenAndGoesWithIt() {
        rig.h.mux.pushSessions("api", "/w/api");
        until(() -> rig.h.owner.current().topology().paneOwners().containsKey(PaneId.of("%0")));

        rig.watch.screensChanged(Map.of(PaneId.of("%0"), screen(GEMINI, ScreenState.WAITING, "Allow execution?")));
        rig.awaitStatus(ROW, AgentStatus.WAITING);
        assertThat(rig.row(ROW).orElseThrow().key().value()).isEqualTo("gemini:pane:%0");
        AgentExplanation why = rig.watch.explain(Optional.empty()).getFirst();
        assertThat(why.decidedBy()).isEqualTo("screen");
        assertThat(why.evidence()).containsExactly("Allow execution?");
        assertThat(why.why()).contains("rule gemini");

        rig.watch.screensChanged(Map.of(PaneId.of("%0"), screen(GEMINI, ScreenState.WORKING, "(esc to cancel, 2s)")));
        rig.awaitStatus(ROW, AgentStatus.RUNNING);

        rig.watch.screensChanged(Map.of(PaneId.of("%0"), screen(GEMINI, ScreenState.IDLE, "> Type your message")));
        rig.awaitStatus(ROW, AgentStatus.DONE);
        assertThat(rig.row(ROW).orElseThrow().unseen()).as("finished while nobody looked").isTrue();

        rig.watch.screensChanged(Map.of());
        until(() -> rig.row(ROW).isEmpty());
    }

    @Test
    void anAgentPaneSeenBeforeItsSessionIsKnownGetsItsRowWhenTheSessionArrives() {
        rig.watch.screensChanged(Map.of(PaneId.of("%0"), screen(GEMINI, ScreenState.WAITING, "Allow execution?")));

        rig.h.mux.pushSessions("api", "/w/api");

        rig.awaitStatus(ROW, AgentStatus.WAITING);
    }

    @Test
    void anAgentThatJustStartedIsIdle() {
        rig.h.mux.pushSessions("api", "/w/api");
        until(() -> rig.h.owner.current().topology().paneOwners().containsKey(PaneId.of("%0")));

        rig.watch.screensChanged(Map.of(PaneId.of("%0"), new PaneScreen(running("gemini"), GEMINI, null)));

        rig.awaitStatus(ROW, AgentStatus.IDLE);
    }

    @Test
    void theScreenSpeaksForAQuietOpenThreadInItsPaneAndNoPaneRowIsMade() throws Exception {
        rig.h.mux.pushSessions("api", "/w/api");
        until(() -> rig.h.owner.current().topology().paneOwners().containsKey(PaneId.of("%0")));
        rig.claude.report(WatchRig.thread("t1", AgentStatus.RUNNING, "/w/api", "%0", rig.h.clock.instant(), false,
                "fix it"));
        rig.awaitStatus("t1", AgentStatus.RUNNING);
        rig.h.clock.advance(Duration.ofSeconds(5));

        rig.watch.screensChanged(Map.of(PaneId.of("%0"), screen(CLAUDE, ScreenState.WAITING, "Do you want to proceed?")));

        rig.awaitStatus("t1", AgentStatus.WAITING);
        rig.drainScheduler(50);
        assertThat(rig.row("pane:%0")).isEmpty();
        AgentExplanation why = rig.watch.explain(Optional.empty()).getFirst();
        assertThat(why.decidedBy()).isEqualTo("screen");
        assertThat(why.why()).contains("rule claude-code").contains("Do you want to proceed?");
    }

    private static PaneScreen screen(ScreenRule rule, ScreenState state, String line) {
        return new PaneScreen(running(rule.agent()), rule, new ScreenReading(rule.agent(), state, List.of(line)));
    }

    private static RunningAgent running(String agent) {
        return new RunningAgent(agent, 4242, agent, PaneId.of("%0"), "/w/api");
    }

    private static ScreenRule rule(String agent) {
        return new ScreenRule(agent, agent, "written for this test",
                new AgentProgram(agent, Set.of(agent), Set.of(), List.of()), 10,
                Map.of(ScreenState.WAITING, List.of(Pattern.compile("Allow"))));
    }
}
