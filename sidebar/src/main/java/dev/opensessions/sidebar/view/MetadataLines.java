package dev.opensessions.sidebar.view;

import dev.opensessions.domain.metadata.LogEntry;
import dev.opensessions.domain.metadata.Progress;
import dev.opensessions.domain.metadata.SessionMetadata;
import dev.opensessions.sidebar.model.AgentRows;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The metadata part of the agents panel: status pill, progress with its bar, and the newest log lines (each
 * with its source when given), as many as the room left below the agents holds. When the panel is shorter
 * still, the newest log line is kept and what comes before it gives way.
 */
final class MetadataLines {

    private MetadataLines() {
    }

    static void add(Consumer<List<Span>> sink, SessionMetadata metadata, int room, Theme theme, int width) {
        List<List<Span>> lines = new ArrayList<>();
        int above = (metadata.status() == null ? 0 : 1) + (metadata.progress() == null ? 0 : 2);
        int logs = Math.max(1, Math.min(AgentRows.LOG_LINES, room - above));
        collect(lines::add, metadata, logs, theme, width);
        // In a panel too short for even these, the oldest lines give way: the newest log line stays in view.
        lines.subList(0, Math.max(0, lines.size() - room)).clear();
        lines.forEach(sink);
    }

    private static void collect(Consumer<List<Span>> lines, SessionMetadata metadata, int logLines, Theme theme, int width) {
        if (metadata.status() != null) {
            CellStyle tone = Signals.tone(metadata.status().tone(), theme);
            CellStyle pill = CellStyle.PLAIN.withForeground(theme.crust()).withBackground(tone.foreground());
            lines.accept(Span.line(new Span(" ", CellStyle.PLAIN),
                    new Span(" " + metadata.status().tone().icon() + " " + metadata.status().text() + " ", pill)));
        }
        if (metadata.progress() != null) {
            Progress progress = metadata.progress();
            lines.accept(Span.line(new Span(" " + progressText(progress), theme.fg(theme.subtext1()))));
            int bar = Math.max(0, width - 2);
            int filled = (int) Math.round(progress.percent() / 100.0 * bar);
            lines.accept(Span.line(new Span(" ", CellStyle.PLAIN),
                    new Span("█".repeat(filled), theme.fg(theme.blue())),
                    new Span("░".repeat(bar - filled), theme.fg(theme.surface1()))));
        }
        List<LogEntry> logs = metadata.logs();
        for (LogEntry log : logs.subList(Math.max(0, logs.size() - logLines), logs.size())) {
            Span icon = new Span(" " + log.tone().icon() + " ", Signals.tone(log.tone(), theme));
            Span message = new Span(log.message(), theme.fg(theme.subtext1()));
            lines.accept(log.source() == null ? Span.line(icon, message)
                    : Span.line(icon, new Span(log.source() + " · ", theme.fg(theme.overlay1())), message));
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
