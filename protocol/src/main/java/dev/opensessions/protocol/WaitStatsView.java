package dev.opensessions.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.opensessions.domain.agent.WaitFigures;
import dev.opensessions.domain.agent.WaitReport;

import java.util.List;

/**
 * How long agents waited for the user over a period, as {@code GET /api/stats} returns it: per session, per
 * agent and in total; times in milliseconds, {@code since} and {@code until} epoch milliseconds.
 */
public record WaitStatsView(long since, long until, Figures total, List<Figures> sessions, List<Figures> agents) {

    /**
     * One group's figures; {@code session} or {@code agent} names it (neither for the total), and
     * {@code waitingShare} (0 to 1) is null when the group neither waited nor worked.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Figures(String session, String agent, int waits, long medianMs, long longestMs, long waitedMs,
                          long busyMs, Double waitingShare) {

        static Figures of(String session, String agent, WaitFigures figures) {
            return new Figures(session, agent, figures.waits(), figures.median().toMillis(),
                    figures.longest().toMillis(), figures.waited().toMillis(), figures.busy().toMillis(),
                    figures.waitingShare().orElse(null));
        }
    }

    public static WaitStatsView of(WaitReport report) {
        return new WaitStatsView(report.since().toEpochMilli(), report.until().toEpochMilli(),
                Figures.of(null, null, report.total()),
                report.sessions().entrySet().stream().map(e -> Figures.of(e.getKey().value(), null, e.getValue())).toList(),
                report.agents().entrySet().stream().map(e -> Figures.of(null, e.getKey(), e.getValue())).toList());
    }
}
