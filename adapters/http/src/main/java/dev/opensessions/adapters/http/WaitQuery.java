package dev.opensessions.adapters.http;

import dev.opensessions.protocol.WireText;
import dev.opensessions.application.port.in.AgentFilter;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.session.SessionName;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the query of {@code GET /api/wait}, with the API's exact error reasons: {@code session} (required),
 * {@code agent} and {@code thread} (optional), {@code status} (required, comma-separated wire names) and
 * {@code timeout} (a whole number with {@code ms}, {@code s}, {@code m} or {@code h}, seconds without a
 * unit; default 30 s, at most 24 h).
 */
record WaitQuery(AgentFilter filter, Duration timeout) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration MAX_TIMEOUT = Duration.ofHours(24);
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h)?");
    private static final int MAX_NAME = 256;

    static WaitQuery parse(String session, String agent, String thread, String status, String timeout) {
        if (session == null || session.isEmpty()) {
            throw new InvalidRequest("missing session");
        }
        SessionName name = RequestFields.sessionName(session);
        return new WaitQuery(new AgentFilter(name, name(agent, "invalid agent"), name(thread, "invalid thread"),
                statuses(status)), timeout(timeout));
    }

    /** Comma-separated wire names, at least one; used by the WebSocket filter too. */
    static Set<AgentStatus> statuses(String text) {
        if (text == null || text.isBlank()) {
            throw new InvalidRequest("missing status");
        }
        Set<AgentStatus> statuses = EnumSet.noneOf(AgentStatus.class);
        for (String part : text.split(",", -1)) {
            statuses.add(AgentStatus.fromWire(part.strip()).orElseThrow(() -> new InvalidRequest("invalid status")));
        }
        return statuses;
    }

    static Duration timeout(String text) {
        if (text == null || text.isEmpty()) {
            return DEFAULT_TIMEOUT;
        }
        Matcher m = DURATION.matcher(text.strip());
        if (!m.matches()) {
            throw new InvalidRequest("invalid timeout");
        }
        long n = Long.parseLong(m.group(1));
        Duration value = switch (m.group(2) == null ? "s" : m.group(2)) {
            case "ms" -> Duration.ofMillis(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
        if (value.compareTo(MAX_TIMEOUT) > 0) {
            throw new InvalidRequest("invalid timeout");
        }
        return value;
    }

    /** An optional agent or thread name: empty is not given; too long or with a control character is refused. */
    static String name(String text, String reason) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.length() > MAX_NAME || text.chars().anyMatch(Character::isISOControl)
                || WireText.hasLoneSurrogate(text)) {
            throw new InvalidRequest(reason);
        }
        return text;
    }
}
