package dev.opensessions.adapters.agents.opencode;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.domain.agent.AgentStatus;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns an OpenCode or Kilo session row into an observation with the status mapping of docs/reference/agents.md. */
final class OpenCodeSessionParser {

    private final ObjectMapper json = new ObjectMapper();
    private final String agent;

    OpenCodeSessionParser(String agent) {
        this.agent = agent;
    }

    /** The session's state, or empty when it has no readable message yet. */
    Optional<AgentObservation> parse(OpenCodeSessionRow row, String origin) {
        JsonNode message = read(row.lastMessageJson());
        if (!message.isObject() || row.id().isBlank()) {
            return Optional.empty();
        }
        List<String> evidence = new ArrayList<>();
        AgentStatus status = status(message, evidence);
        boolean toolCall = "tool-calls".equals(message.path("finish").asText());
        return Optional.of(new AgentObservation(agent, row.id(), status, blankToNull(row.title()),
                prompt(read(row.lastPromptJson())), blankToNull(row.directory()), null,
                Instant.ofEpochMilli(row.timeUpdatedMillis()), toolCall, origin + "#session=" + row.id(), evidence));
    }

    private static AgentStatus status(JsonNode message, List<String> evidence) {
        String role = message.path("role").asText("?");
        JsonNode error = message.path("error");
        if (error.isObject()) {
            String name = error.path("name").asText("?");
            evidence.add(role + " error=" + name);
            return "MessageAbortedError".equals(name) ? AgentStatus.INTERRUPTED : AgentStatus.ERROR;
        }
        if (!"assistant".equals(role)) {
            evidence.add(role + " message last");
            return "user".equals(role) ? AgentStatus.RUNNING : AgentStatus.IDLE;
        }
        String finish = message.path("finish").asText("");
        boolean completed = !message.path("time").path("completed").isMissingNode()
                && !message.path("time").path("completed").isNull();
        evidence.add("assistant finish=" + (finish.isEmpty() ? "none" : finish) + (completed ? " completed" : ""));
        return switch (finish) {
            case "tool-calls" -> AgentStatus.RUNNING;
            case "stop" -> AgentStatus.DONE;
            case "error" -> AgentStatus.ERROR;
            case "" -> completed ? AgentStatus.DONE : AgentStatus.RUNNING;
            default -> AgentStatus.DONE;
        };
    }

    /** OpenCode versions kept the prompt text at {@code text}, {@code prompt.text} or {@code data.text}. */
    private static String prompt(JsonNode user) {
        for (JsonNode candidate : List.of(user.path("text"), user.path("prompt").path("text"),
                user.path("data").path("text"))) {
            if (candidate.isTextual() && !candidate.asText().isBlank()) {
                return candidate.asText().strip();
            }
        }
        return null;
    }

    private JsonNode read(String text) {
        if (text == null || text.isBlank()) {
            return MissingNode.getInstance();
        }
        try {
            return json.readTree(text);
        } catch (JsonProcessingException malformed) {
            return MissingNode.getInstance();
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
