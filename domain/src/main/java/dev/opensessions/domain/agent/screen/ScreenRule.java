package dev.opensessions.domain.agent.screen;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One agent's declarative rule: how to recognise its program, and how to read its visible screen into a
 * {@link ScreenState}. The format of the files these come from is in PLUGINS.md, "Screen rules".
 *
 * @param agent    the agent id ({@code claude-code}, {@code gemini}, ...)
 * @param name     its display name
 * @param source   where the patterns come from (observed, documented, or written blind)
 * @param program  how its process shows
 * @param lines    how many of the screen's last non-blank lines are read
 * @param patterns the patterns of each state; a state without patterns is never read from the screen
 */
public record ScreenRule(String agent, String name, String source, AgentProgram program, int lines,
                         Map<ScreenState, List<Pattern>> patterns) {

    /** The most lines a rule may read: a pane taller than this is read at its bottom. */
    public static final int MAX_LINES = 200;

    public ScreenRule {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(program, "program");
        if (!program.agent().equals(agent)) {
            throw new IllegalArgumentException("the program of " + agent + " is for " + program.agent());
        }
        if (lines < 1 || lines > MAX_LINES) {
            throw new IllegalArgumentException("lines of " + agent + " must be 1.." + MAX_LINES + ": " + lines);
        }
        Map<ScreenState, List<Pattern>> copy = new EnumMap<>(ScreenState.class);
        patterns.forEach((state, list) -> copy.put(state, List.copyOf(list)));
        if (copy.values().stream().allMatch(List::isEmpty)) {
            throw new IllegalArgumentException("agent " + agent + " has no screen pattern");
        }
        patterns = Map.copyOf(copy);
    }

    /** The patterns of one state, empty when the rule does not read that state. */
    public List<Pattern> patterns(ScreenState state) {
        return patterns.getOrDefault(state, List.of());
    }
}
