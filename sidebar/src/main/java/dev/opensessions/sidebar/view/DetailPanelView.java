package dev.opensessions.sidebar.view;

import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.Attention;
import dev.opensessions.domain.metadata.LogEntry;
import dev.opensessions.domain.metadata.Progress;
import dev.opensessions.domain.metadata.SessionMetadata;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.sidebar.model.SidebarState;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The detail panel in its {@code current} scope (SPEC 7.3): the focused session's directory, its agents,
 * then its status pill, progress and last log lines; whatever does not fit the panel's rows is cut.
 */
final class DetailPanelView {

    /** The directory is cut from the left to about this many cells (SPEC 7.3). */
    private static final int DIR_WIDTH = 24;
    private static final int THREAD_NAME_WIDTH = 30;
    private static final int LOG_LINES = 8;

    private DetailPanelView() {
    }

    static void draw(Painter painter, SidebarState state, Theme theme, int top, int rows) {
        List<List<Span>> lines = lines(state, theme, painter.width());
        int scope = painter.textRight(painter.width() - 1, top, "current", theme.fg(theme.overlay1()));
        for (int i = 0; i < Math.min(rows, lines.size()); i++) {
            // The title yields to the scope label on narrow panes.
            int limit = i == 0 ? scope - 1 : painter.width() - 1;
            painter.spans(0, top + i, lines.get(i), limit);
        }
    }

    /** Agents drawn in the panel, so the program knows whether a spinner shows there. */
    static List<AgentThread> agents(SidebarState state) {
        return state.focusedSession()
                .map(s -> state.snapshot().agents().visible(s, state.snapshot().topology().focusedPanes()))
                .orElse(List.of());
    }

    private static List<List<Span>> lines(SidebarState state, Theme theme, int width) {
        List<AgentThread> agents = agents(state);
        List<List<Span>> lines = new ArrayList<>();
        lines.add(Span.line(new Span(" agents " + agents.size(), theme.fg(theme.subtext1()).withBold(true))));
        Optional<SessionName> focused = state.focusedSession();
        if (focused.isEmpty()) {
            return lines;
        }
        String dir = state.snapshot().topology().session(focused.get()).map(Session::directory).orElse("");
        if (!dir.isBlank()) {
            int room = Math.max(1, Math.min(DIR_WIDTH, width - 2));
            lines.add(Span.line(new Span(" " + TextWidth.truncateLeft(dir, room), theme.fg(theme.overlay1()))));
        }
        for (AgentThread agent : agents) {
            Attention attention = agent.attention();
            String title = agent.threadName() == null ? agent.agent()
                    : TextWidth.truncate(agent.threadName(), THREAD_NAME_WIDTH);
            lines.add(Span.line(new Span(" " + Signals.glyph(attention, state.spinnerFrame()) + " ",
                    Signals.style(attention, theme)), new Span(title, theme.fg(theme.text()))));
            lines.add(Span.line(new Span("   " + Signals.label(attention), Signals.style(attention, theme)),
                    new Span(" · " + agent.agent(), theme.fg(theme.subtext0()))));
            if (agent.lastUserPrompt() != null) {
                lines.add(Span.line(new Span("   “" + agent.lastUserPrompt() + "”", theme.fg(theme.overlay1()))));
            }
            lines.add(List.of());
        }
        metadata(lines, state.snapshot().metadataOf(focused.get()), theme, width);
        return lines;
    }

    private static void metadata(List<List<Span>> lines, SessionMetadata metadata, Theme theme, int width) {
        if (metadata.status() != null) {
            CellStyle tone = Signals.tone(metadata.status().tone(), theme);
            CellStyle pill = CellStyle.PLAIN.withForeground(theme.crust()).withBackground(tone.foreground());
            lines.add(Span.line(new Span(" ", CellStyle.PLAIN),
                    new Span(" " + metadata.status().tone().icon() + " " + metadata.status().text() + " ", pill)));
        }
        if (metadata.progress() != null) {
            Progress progress = metadata.progress();
            lines.add(Span.line(new Span(" " + progressText(progress), theme.fg(theme.subtext1()))));
            int bar = Math.max(0, width - 2);
            int filled = (int) Math.round(progress.percent() / 100.0 * bar);
            lines.add(Span.line(new Span(" ", CellStyle.PLAIN), new Span("█".repeat(filled), theme.fg(theme.blue())),
                    new Span("░".repeat(bar - filled), theme.fg(theme.surface1()))));
        }
        List<LogEntry> logs = metadata.logs();
        for (LogEntry log : logs.subList(Math.max(0, logs.size() - LOG_LINES), logs.size())) {
            lines.add(Span.line(new Span(" " + log.tone().icon() + " ", Signals.tone(log.tone(), theme)),
                    new Span(log.message(), theme.fg(theme.subtext1()))));
        }
    }

    /** {@code label · c/t}, or {@code label · NN%} without counts; the label is optional. */
    static String progressText(Progress progress) {
        String amount = progress.current() != null && progress.total() != null
                ? number(progress.current()) + "/" + number(progress.total())
                : Math.round(progress.percent()) + "%";
        return progress.label() == null ? amount : progress.label() + " · " + amount;
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }
}
