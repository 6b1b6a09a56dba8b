package dev.opensessions.application.service;

import dev.opensessions.application.port.out.AgentProcessReader.RunningAgent;
import dev.opensessions.application.port.out.PaneScreens;
import dev.opensessions.application.service.AgentScreens.PaneReading;
import dev.opensessions.application.testkit.FakeAgentProcesses;
import dev.opensessions.domain.agent.screen.AgentProgram;
import dev.opensessions.domain.agent.screen.ScreenRule;
import dev.opensessions.domain.agent.screen.ScreenState;
import dev.opensessions.domain.session.PaneId;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class AgentScreensTest {

    private static final PaneId GEMINI_PANE = PaneId.of("%1");
    private static final PaneId AIDER_PANE = PaneId.of("%2");
    private static final PaneId SHELL_PANE = PaneId.of("%3");

    private final FakeAgentProcesses processes = new FakeAgentProcesses();
    private final Map<PaneId, List<String>> shown = new HashMap<>();
    private final List<PaneId> captured = new ArrayList<>();
    private final PaneScreens screens = pane -> {
        captured.add(pane);
        return Optional.ofNullable(shown.get(pane));
    };
    private final AgentScreens agentScreens = new AgentScreens(processes, screens,
            List.of(rule("gemini", "Allow execution", "esc to cancel"), rule("aider", "\\(Y\\)es/\\(N\\)o", "Waiting for")));

    @Test
    void onlyThePanesHoldingARuledAgentAreCapturedAndEachIsReadWithItsAgentsRule() {
        processes.set(agent("gemini", GEMINI_PANE), agent("aider", AIDER_PANE), agent("codex", SHELL_PANE));
        shown.put(GEMINI_PANE, List.of("Allow execution of 'rm'?", ""));
        shown.put(AIDER_PANE, List.of("> fix it", "Waiting for sonnet"));
        shown.put(SHELL_PANE, List.of("Allow execution"));

        List<PaneReading> readings = agentScreens.read().orElseThrow();

        assertThat(captured).containsExactlyInAnyOrder(GEMINI_PANE, AIDER_PANE);
        assertThat(readings).extracting(reading -> reading.agent().pane() + " " + reading.reading().state())
                .containsExactlyInAnyOrder("%1 WAITING", "%2 WORKING");
        assertThat(readings).filteredOn(reading -> reading.agent().pane().equals(GEMINI_PANE)).singleElement()
                .satisfies(reading -> assertThat(reading.reading().matched()).containsExactly("Allow execution of 'rm'?"));
    }

    @Test
    void aPaneIsReadOnceWithItsOutermostAgentAndAGoneOrSilentPaneGivesNoReading() {
        processes.set(agent("gemini", GEMINI_PANE), agent("aider", GEMINI_PANE), agent("aider", AIDER_PANE));
        shown.put(GEMINI_PANE, List.of("$ ls"));

        assertThat(agentScreens.read().orElseThrow()).isEmpty();
        assertThat(captured).containsExactly(GEMINI_PANE, AIDER_PANE);
    }

    @Test
    void aMachineThatCannotTellReadsNothing() {
        processes.unknown();

        assertThat(agentScreens.read()).isEmpty();
        assertThat(captured).isEmpty();
    }

    private static RunningAgent agent(String agent, PaneId pane) {
        return new RunningAgent(agent, 100, agent, pane, null);
    }

    private static ScreenRule rule(String agent, String waiting, String working) {
        return new ScreenRule(agent, agent, "written for this test",
                new AgentProgram(agent, Set.of(agent), Set.of(), List.of()), 10,
                Map.of(ScreenState.WAITING, List.of(Pattern.compile(waiting)),
                        ScreenState.WORKING, List.of(Pattern.compile(working))));
    }
}
