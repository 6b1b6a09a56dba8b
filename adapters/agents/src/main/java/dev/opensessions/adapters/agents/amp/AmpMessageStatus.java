package dev.opensessions.adapters.agents.amp;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opensessions.domain.agent.AgentStatus;

import java.util.Objects;

/** The status one Amp message gives when it is the thread's last. */
record AmpMessageStatus(AgentStatus status, boolean endsInToolCall) {

    AmpMessageStatus {
        Objects.requireNonNull(status, "status");
    }

    static AmpMessageStatus of(JsonNode message) {
        return switch (message.path("role").asText()) {
            case "user" -> new AmpMessageStatus(toolInProgress(message) ? AgentStatus.TOOL_RUNNING : AgentStatus.RUNNING,
                    false);
            case "assistant" -> assistant(message.path("state"));
            default -> new AmpMessageStatus(AgentStatus.IDLE, false);
        };
    }

    private static boolean toolInProgress(JsonNode message) {
        for (JsonNode block : message.path("content")) {
            if ("tool_result".equals(block.path("type").asText())
                    && "in-progress".equals(block.path("run").path("status").asText())) {
                return true;
            }
        }
        return false;
    }

    private static AmpMessageStatus assistant(JsonNode state) {
        String type = state.path("type").asText("none");
        String stop = state.path("stopReason").asText("");
        if (type.equals("complete")) {
            return switch (stop) {
                // A tool call with no result yet: Amp waits for the user to approve it, or is about to run it.
                case "tool_use" -> new AmpMessageStatus(AgentStatus.RUNNING, true);
                case "end_turn" -> new AmpMessageStatus(AgentStatus.DONE, false);
                default -> new AmpMessageStatus(AgentStatus.ERROR, false);
            };
        }
        return switch (type) {
            case "none", "streaming" -> new AmpMessageStatus(AgentStatus.RUNNING, false);
            case "cancelled" -> new AmpMessageStatus(AgentStatus.INTERRUPTED, false);
            default -> new AmpMessageStatus(AgentStatus.ERROR, false);
        };
    }
}
