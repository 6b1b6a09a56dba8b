package dev.opensessions.domain.agent.screen;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads an agent's visible screen with its rule. Only the rule's last {@link ScreenRule#lines()} lines count,
 * after the blank lines below the cursor are dropped. The states are tried strongest first: a question for the
 * user beats a working line still visible above it, and working beats the input prompt an agent keeps drawing
 * while it works. Pure: no I/O, the caller passes the captured lines.
 */
public final class ScreenReader {

    private ScreenReader() {
    }

    /** The state the screen shows and the lines that told, or empty when no pattern of the rule matches. */
    public static Optional<ScreenReading> read(ScreenRule rule, List<String> screen) {
        List<String> region = region(screen, rule.lines());
        for (ScreenState state : ScreenState.values()) {
            List<String> matched = matching(region, rule.patterns(state));
            if (!matched.isEmpty()) {
                return Optional.of(new ScreenReading(rule.agent(), state, matched));
            }
        }
        return Optional.empty();
    }

    /** The last {@code lines} lines of the screen, once the trailing blank lines are gone. */
    static List<String> region(List<String> screen, int lines) {
        int end = screen.size();
        while (end > 0 && screen.get(end - 1).isBlank()) {
            end--;
        }
        return screen.subList(Math.max(0, end - lines), end);
    }

    private static List<String> matching(List<String> region, List<Pattern> patterns) {
        List<String> matched = new ArrayList<>();
        for (String line : region) {
            if (patterns.stream().anyMatch(pattern -> pattern.matcher(line).find())) {
                matched.add(line);
            }
        }
        return matched;
    }
}
