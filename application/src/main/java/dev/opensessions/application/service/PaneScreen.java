package dev.opensessions.application.service;

import dev.opensessions.application.port.out.AgentProcessReader.RunningAgent;
import dev.opensessions.domain.agent.AgentTruth;
import dev.opensessions.domain.agent.screen.ScreenReading;
import dev.opensessions.domain.agent.screen.ScreenRule;

import java.util.Objects;
import java.util.Optional;

/**
 * What one agent's pane shows at the last reading.
 *
 * @param agent   the agent process found in the pane (its outermost one)
 * @param rule    the rule its screen is read with
 * @param reading the state and the lines that told, null when no pattern of the rule matched
 */
public record PaneScreen(RunningAgent agent, ScreenRule rule, ScreenReading reading) {

    public PaneScreen {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(rule, "rule");
    }

    public Optional<ScreenReading> shown() {
        return Optional.ofNullable(reading);
    }

    /** The screen as evidence for the agent-truth rule, when it shows something. */
    Optional<AgentTruth.Shown> evidence() {
        return shown().map(r -> new AgentTruth.Shown(r.state().status(), "rule " + rule.agent() + " in "
                + agent.pane() + " read " + describeLines(r)));
    }

    static String describeLines(ScreenReading reading) {
        return String.join(" | ", reading.matched().stream().map(line -> "\"" + line.strip() + "\"").toList());
    }
}
