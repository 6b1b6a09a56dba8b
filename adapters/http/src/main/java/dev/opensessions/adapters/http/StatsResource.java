package dev.opensessions.adapters.http;

import dev.opensessions.application.port.in.ReadWaitStatsUseCase;
import dev.opensessions.protocol.WaitStatsView;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import dev.opensessions.domain.agent.WaitReport;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code GET /api/stats?since=}: how long agents waited for the user, from the status history (CONTRACTS.md). */
@Path("/")
public class StatsResource {

    static final Duration DEFAULT_PERIOD = Duration.ofDays(1);
    private static final Pattern AGO = Pattern.compile("(\\d{1,6})(s|m|h|d|w)");

    private final ReadWaitStatsUseCase stats;
    private final Clock clock;

    public StatsResource(ReadWaitStatsUseCase stats) {
        this.stats = stats;
        this.clock = Clock.systemUTC();
    }

    /** JSON, or with {@code format=table} the plain-text table {@code opensessions stats} prints. */
    @GET
    @Path("api/stats")
    public Response stats(@QueryParam("since") String since, @QueryParam("format") String format) {
        boolean table = "table".equals(format);
        if (format != null && !format.isEmpty() && !table && !"json".equals(format)) {
            throw new InvalidRequest("invalid format");
        }
        WaitReport report = stats.stats(since(since, clock.instant()));
        return table ? Response.ok(WaitStatsTable.render(report), Replies.TEXT).build()
                : Response.ok(WaitStatsView.of(report), MediaType.APPLICATION_JSON_TYPE).build();
    }

    /**
     * A period back from now ({@code 90s}, {@code 30m}, {@code 12h}, {@code 1d}, {@code 2w}), an ISO-8601
     * instant ({@code 2026-03-01T09:00:00Z}) or a date ({@code 2026-03-01}, from its midnight UTC); a day
     * back when absent.
     */
    static Instant since(String text, Instant now) {
        if (text == null || text.isEmpty()) {
            return now.minus(DEFAULT_PERIOD);
        }
        Matcher ago = AGO.matcher(text.strip());
        if (ago.matches()) {
            long n = Long.parseLong(ago.group(1));
            Duration unit = switch (ago.group(2)) {
                case "s" -> Duration.ofSeconds(1);
                case "m" -> Duration.ofMinutes(1);
                case "h" -> Duration.ofHours(1);
                case "d" -> Duration.ofDays(1);
                default -> Duration.ofDays(7);
            };
            return now.minus(unit.multipliedBy(n));
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException notAnInstant) {
            try {
                return LocalDate.parse(text.strip()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException notADate) {
                throw new InvalidRequest("invalid since");
            }
        }
    }
}
