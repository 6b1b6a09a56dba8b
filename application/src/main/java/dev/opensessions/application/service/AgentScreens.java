package dev.opensessions.application.service;

import dev.opensessions.application.port.out.AgentProcessReader;
import dev.opensessions.application.port.out.AgentProcessReader.RunningAgent;
import dev.opensessions.application.port.out.PaneScreens;
import dev.opensessions.domain.agent.screen.ScreenReader;
import dev.opensessions.domain.agent.screen.ScreenReading;
import dev.opensessions.domain.agent.screen.ScreenRule;
import dev.opensessions.domain.session.PaneId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Reads the screens of the panes that hold an agent with a screen rule: which agent each pane holds comes
 * from the panes' process trees, then only those panes are captured, each read with its agent's rule. It
 * reads when called and keeps nothing; when to call it is the caller's business.
 */
public final class AgentScreens {

    private final AgentProcessReader processes;
    private final PaneScreens screens;
    private final Map<String, ScreenRule> rules;

    public AgentScreens(AgentProcessReader processes, PaneScreens screens, List<ScreenRule> rules) {
        this.processes = Objects.requireNonNull(processes, "processes");
        this.screens = Objects.requireNonNull(screens, "screens");
        this.rules = rules.stream().collect(Collectors.toMap(ScreenRule::agent, Function.identity(),
                (first, second) -> second, LinkedHashMap::new));
    }

    /**
     * One reading per pane that holds a ruled agent and whose screen says something; empty when this machine
     * cannot tell which programs run in the panes.
     */
    public Optional<List<PaneReading>> read() {
        return processes.living(rules.keySet()).map(this::readPanes);
    }

    private List<PaneReading> readPanes(List<RunningAgent> living) {
        Map<PaneId, RunningAgent> outermost = new LinkedHashMap<>();
        for (RunningAgent agent : living) {
            outermost.putIfAbsent(agent.pane(), agent);
        }
        List<PaneReading> readings = new ArrayList<>();
        for (RunningAgent agent : outermost.values()) {
            ScreenRule rule = rules.get(agent.agent());
            screens.visible(agent.pane())
                    .flatMap(lines -> ScreenReader.read(rule, lines))
                    .ifPresent(reading -> readings.add(new PaneReading(agent, rule, reading)));
        }
        return List.copyOf(readings);
    }

    /**
     * What one agent's pane shows.
     *
     * @param agent   the agent process found in the pane
     * @param rule    the rule it was read with
     * @param reading the state and the lines that told
     */
    public record PaneReading(RunningAgent agent, ScreenRule rule, ScreenReading reading) {
        public PaneReading {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(rule, "rule");
            Objects.requireNonNull(reading, "reading");
        }
    }
}
