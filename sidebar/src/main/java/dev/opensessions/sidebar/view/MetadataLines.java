package dev.opensessions.sidebar.view;

import dev.opensessions.domain.metadata.LogEntry;
import dev.opensessions.domain.metadata.Progress;
import dev.opensessions.domain.metadata.SessionMetadata;

import java.util.List;
import java.util.function.Consumer;

/** The metadata part of the agents panel (SPEC 7.3): status pill, progress with its bar, the last 8 log lines. */
final class MetadataLines {

    private static final int LOG_LINES = 8;

    private MetadataLines() {
    }

    static void add(Consumer<List<Span>> lines, SessionMetadata metadata, Theme theme, int width) {
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
        for (LogEntry log : logs.subList(Math.max(0, logs.size() - LOG_LINES), logs.size())) {
            lines.accept(Span.line(new Span(" " + log.tone().icon() + " ", Signals.tone(log.tone(), theme)),
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
