package dev.opensessions.adapters.http;

import dev.opensessions.domain.agent.WaitFigures;
import dev.opensessions.domain.agent.WaitReport;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/** The wait statistics as the plain-text table {@code opensessions stats} prints ({@code format=table}). */
final class WaitStatsTable {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneOffset.UTC);
    private static final String ROW = "%-24s %6s %8s %8s %8s %8s%n";

    private WaitStatsTable() {
    }

    static String render(WaitReport report) {
        StringBuilder out = new StringBuilder();
        out.append("Agents waiting for you, ").append(TIME.format(report.since())).append(" to ")
                .append(TIME.format(report.until())).append(" UTC\n\n");
        out.append(String.format(ROW, "SESSION", "WAITS", "MEDIAN", "LONGEST", "WAITED", "SHARE"));
        rows(out, report.sessions());
        out.append('\n').append(String.format(ROW, "AGENT", "WAITS", "MEDIAN", "LONGEST", "WAITED", "SHARE"));
        rows(out, report.agents());
        out.append('\n').append(row("total", report.total()));
        return out.toString();
    }

    private static void rows(StringBuilder out, Map<?, WaitFigures> groups) {
        if (groups.isEmpty()) {
            out.append("(none)\n");
        }
        groups.forEach((name, figures) -> out.append(row(name.toString(), figures)));
    }

    private static String row(String name, WaitFigures f) {
        String shown = name.length() > 24 ? name.substring(0, 23) + "…" : name;
        String share = f.waitingShare().map(s -> Math.round(s * 100) + "%").orElse("-");
        boolean none = f.waits() == 0;
        return String.format(ROW, shown, f.waits(), none ? "-" : duration(f.median()),
                none ? "-" : duration(f.longest()), duration(f.waited()), share);
    }

    /** {@code 45s}, {@code 2m05s}, {@code 1h03m}: the two largest units. */
    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        if (s < 3600) {
            return String.format("%dm%02ds", s / 60, s % 60);
        }
        return String.format("%dh%02dm", s / 3600, (s % 3600) / 60);
    }
}
