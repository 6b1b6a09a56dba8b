package dev.opensessions.domain.agent.screen;

import java.util.List;
import java.util.Objects;

/**
 * What a rule read on a screen: the state, and the lines that told, for {@code /debug/agents}.
 *
 * @param agent   the rule's agent
 * @param state   the state the screen shows
 * @param matched the screen lines that matched one of that state's patterns, top to bottom
 */
public record ScreenReading(String agent, ScreenState state, List<String> matched) {

    public ScreenReading {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(state, "state");
        matched = List.copyOf(matched);
        if (matched.isEmpty()) {
            throw new IllegalArgumentException("a reading rests on at least one line");
        }
    }

    /** For {@code /debug/agents}: {@code claude-code waiting: "Do you want to proceed?"}. */
    public String describe() {
        return agent + " " + state.wireName() + ": " + String.join(" | ", matched.stream()
                .map(line -> "\"" + line.strip() + "\"").toList());
    }
}
