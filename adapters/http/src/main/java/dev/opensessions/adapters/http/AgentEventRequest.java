package dev.opensessions.adapters.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opensessions.application.port.in.RecordAgentEventUseCase;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.session.PaneId;

import java.time.Instant;

/**
 * Validates the JSON of {@code /api/agent-event} into a use-case command, accepting the
 * older field names the Codex hook still sends ({@code session}, {@code last_user_prompt}).
 */
final class AgentEventRequest {

    private AgentEventRequest() {
    }

    static RecordAgentEventUseCase.Command toCommand(JsonBody body) {
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
    private static Instant timestamp(JsonNode node) {
        if (node == null) {
            return null;
        }
        double value = node.doubleValue();
        if (!node.isNumber() || !Double.isFinite(value) || value < 0 || value >= Long.MAX_VALUE) {
            throw new InvalidRequest("invalid ts");
        }
        return Instant.ofEpochMilli(node.canConvertToLong() ? node.longValue() : (long) value);
    }
}
