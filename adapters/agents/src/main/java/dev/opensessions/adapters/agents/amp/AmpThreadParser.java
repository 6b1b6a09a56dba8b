package dev.opensessions.adapters.agents.amp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.domain.agent.AgentStatus;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads one Amp thread document ({@code ~/.local/share/amp/threads/T-*.json}) into an observation:
 * the status of its last message, its title, project folder and last prompt.
 */
public final class AmpThreadParser {

    static final String AGENT = "amp";

    private final ObjectMapper json = new ObjectMapper();

    /**
     * The thread as the document says, or empty when it is not a complete thread: Amp rewrites the file in
     * place, so a half-written document is skipped until its next write.
     */
    public Optional<AgentObservation> parse(String document, Instant modified, String origin) {
        JsonNode root;
        try {
            root = json.readTree(document);
        } catch (JsonProcessingException halfWritten) {
            return Optional.empty();
        }
        if (root == null || !root.path("id").isTextual() || root.path("id").asText().isBlank()) {
            return Optional.empty();
        }
        JsonNode messages = root.path("messages");
        List<String> evidence = new ArrayList<>();
        AmpMessageStatus last = lastStatus(messages, evidence);
        return Optional.of(new AgentObservation(AGENT, root.get("id").asText(), last.status(),
                text(root.path("title")), lastPrompt(messages), projectDir(root), null, modified,
                last.endsInToolCall(), origin, evidence));
    }

    private static AmpMessageStatus lastStatus(JsonNode messages, List<String> evidence) {
        if (!messages.isArray() || messages.isEmpty()) {
            evidence.add("no messages -> idle");
            return new AmpMessageStatus(AgentStatus.IDLE, false);
        }
        JsonNode last = messages.get(messages.size() - 1);
        AmpMessageStatus status = AmpMessageStatus.of(last);
        evidence.add("message " + (messages.size() - 1) + " " + describe(last) + " -> " + status.status().wireName());
        return status;
    }

    private static String describe(JsonNode message) {
        String role = message.path("role").asText("?");
        JsonNode state = message.path("state");
        if (state.isObject()) {
            String stop = state.path("stopReason").asText("");
            return role + " state=" + state.path("type").asText("?") + (stop.isEmpty() ? "" : " stopReason=" + stop);
        }
        List<String> kinds = new ArrayList<>();
        message.path("content").forEach(block -> kinds.add(block.path("type").asText("?")));
        return role + " " + kinds;
    }

    private static String lastPrompt(JsonNode messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            JsonNode message = messages.get(i);
            if (!"user".equals(message.path("role").asText())) {
                continue;
            }
            JsonNode content = message.path("content");
            for (int j = content.size() - 1; j >= 0; j--) {
                JsonNode block = content.get(j);
                if ("text".equals(block.path("type").asText()) && !block.path("text").asText().isBlank()) {
                    return block.path("text").asText().strip();
                }
            }
        }
        return null;
    }

    /** {@code env.initial.trees[0].uri} is a {@code file://} URI; only local folders can match a session. */
    private static String projectDir(JsonNode root) {
        String uri = text(root.path("env").path("initial").path("trees").path(0).path("uri"));
        if (uri == null || !uri.startsWith("file:")) {
            return null;
        }
        try {
            String path = URI.create(uri).getPath();
            return path == null || path.isEmpty() ? null : path;
        } catch (IllegalArgumentException badUri) {
            return null;
        }
    }

    private static String text(JsonNode node) {
        return node.isTextual() && !node.asText().isBlank() ? node.asText() : null;
    }
}
