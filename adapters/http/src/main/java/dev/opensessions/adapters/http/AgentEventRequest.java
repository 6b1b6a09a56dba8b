package dev.opensessions.adapters.http;

import com.fasterxml.jackson.core.JsonFactory;
import dev.opensessions.application.port.in.RecordAgentEventUseCase;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.session.PaneId;

import java.time.Instant;

/**
 * Validates the JSON of {@code /api/agent-event} into a use-case command, accepting the
 * older field names the Codex hook still sends ({@code session}, {@code last_user_prompt}). The body is read with
 * Jackson's streaming parser into the fields below only ({@link JsonFields}), not into a tree.
 */
final class AgentEventRequest {

    /** The fields of a report; any other field is read through and ignored. */
    private static final String[] FIELDS = {"agent", "status", "tmuxSession", "session", "projectDir", "threadId",
            "threadName", "lastUserPrompt", "last_user_prompt", "ts", "unseen", "paneId"};

    private AgentEventRequest() {
    }

    /** The report of a body; a bad body throws {@link InvalidRequest}. */
    static RecordAgentEventUseCase.Command toCommand(JsonFactory json, byte[] body) {
        return toCommand(JsonFields.parse(json, body, FIELDS));
    }

    static RecordAgentEventUseCase.Command toCommand(JsonFields body) {
        String agent = body.string("agent");
        if (agent == null || agent.isBlank()) {
            throw new InvalidRequest("missing agent");
        }
        AgentStatus status = AgentStatus.fromWire(body.string("status", "invalid status"))
                .orElseThrow(() -> new InvalidRequest("invalid status"));
        return new RecordAgentEventUseCase.Command(
                agent,
                status,
                RequestFields.optionalSession(body.firstString("invalid session", "tmuxSession", "session")),
                body.string("projectDir"),
                body.string("threadId"),
                body.string("threadName"),
                body.firstString(JsonBody.INVALID_PAYLOAD, "lastUserPrompt", "last_user_prompt"),
                timestamp(body.field("ts")),
                body.bool("unseen"),
                pane(body.string("paneId", "invalid paneId")));
    }

    /** Hooks outside tmux send an empty {@code $TMUX_PANE}; that means no pane, not a bad one. */
    private static PaneId pane(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (!PaneId.isValid(text)) {
            throw new InvalidRequest("invalid paneId");
        }
        return PaneId.of(text);
    }

    /** Epoch milliseconds; fractions are dropped, negative, overflowing or non-numeric values refused. */
    private static Instant timestamp(Object value) {
        // instanceof rather than a pattern switch, whose bootstrap the client compiler (C1) calls on every report.
        if (value == null) {
            return null;
        }
        // An integer whose nearest double is 2^63 or more is refused like that double.
        if (value instanceof Long millis && millis >= 0 && (double) millis < Long.MAX_VALUE) {
            return Instant.ofEpochMilli(millis);
        }
        if (value instanceof Double millis && Double.isFinite(millis) && millis >= 0 && millis < Long.MAX_VALUE) {
            return Instant.ofEpochMilli(millis.longValue());
        }
        throw new InvalidRequest("invalid ts");
    }
}
