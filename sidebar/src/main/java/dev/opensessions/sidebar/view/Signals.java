package dev.opensessions.sidebar.view;

import dev.opensessions.domain.agent.AgentTracker;
import dev.opensessions.domain.agent.Attention;
import dev.opensessions.domain.metadata.Tone;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;

import java.util.Comparator;
import java.util.List;

/** The glyph, colour and label of each attention signal (docs/reference/sidebar.md#what-it-shows) and of each tone. */
final class Signals {

    static final String SPINNER = "⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏";

    private Signals() {
    }

    /** The signal a session shows: its most urgent visible agent's, idle without agents. */
    static Attention of(AgentTracker agents, SessionName session) {
        return agents.attention(session).orElse(Attention.IDLE);
    }

    /** The most urgent signal over several sessions: a group header's, kept while the group is collapsed. */
    static Attention over(AgentTracker agents, List<Session> sessions) {
        return sessions.stream().map(s -> of(agents, s.name())).min(Comparator.naturalOrder()).orElse(Attention.IDLE);
    }

    static String glyph(Attention attention, int spinnerFrame) {
        return switch (attention) {
            case ERROR -> "✗";
            case STALE, INTERRUPTED -> "⚠";
            case WAITING -> "◉";
            case DONE_UNSEEN -> "●";
            case TOOL_RUNNING -> "⚙";
            case RUNNING -> String.valueOf(SPINNER.charAt(spinnerFrame % SPINNER.length()));
            case DONE_SEEN -> "✓";
            case IDLE -> "○";
        };
    }

    /** True for the signal drawn as the braille spinner, which animates. */
    static boolean spins(Attention attention) {
        return attention == Attention.RUNNING;
    }

    static CellStyle style(Attention attention, Theme theme) {
        return switch (attention) {
            case ERROR -> theme.fg(theme.red());
            case STALE, RUNNING -> theme.fg(theme.yellow());
            case INTERRUPTED -> theme.fg(theme.peach());
            case WAITING -> theme.fg(theme.blue());
            case DONE_UNSEEN -> theme.fg(theme.teal());
            case TOOL_RUNNING -> theme.fg(theme.sky());
            case DONE_SEEN -> theme.fg(theme.green());
            case IDLE -> theme.fg(theme.overlay0()).withDim(true);
        };
    }

    /** The status label the agent panel shows. */
    static String label(Attention attention) {
        return switch (attention) {
            case ERROR -> "error";
            case STALE -> "stale";
            case INTERRUPTED -> "stopped";
            case WAITING -> "blocked";
            case DONE_UNSEEN, DONE_SEEN -> "done";
            case TOOL_RUNNING -> "using tools";
            case RUNNING -> "working";
            case IDLE -> "idle";
        };
    }

    static CellStyle tone(Tone tone, Theme theme) {
        return switch (tone) {
            case NEUTRAL -> theme.fg(theme.overlay1());
            case INFO -> theme.fg(theme.blue());
            case SUCCESS -> theme.fg(theme.green());
            case WARN -> theme.fg(theme.yellow());
            case ERROR -> theme.fg(theme.red());
        };
    }
}
