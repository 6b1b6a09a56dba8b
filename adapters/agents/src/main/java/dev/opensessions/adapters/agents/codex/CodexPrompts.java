package dev.opensessions.adapters.agents.codex;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;

/** Cleans Codex user texts: drops its request prefix and recognises the prompts Codex writes itself. */
final class CodexPrompts {

    private static final String REQUEST_PREFIX = "## My request for Codex:";
    private static final List<String> INTERNAL = List.of("# AGENTS.md", "<environment_context>",
            "<codex reminder>", "<permissions ", "<app-context>", "<collaboration_mode>", "<turn_aborted>",
            "<user_instructions>");

    private CodexPrompts() {
    }

    /** The prompt the user typed, or null when the text is one Codex injected. */
    static String clean(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        if (INTERNAL.stream().anyMatch(stripped::startsWith)) {
            return null;
        }
        int request = stripped.indexOf(REQUEST_PREFIX);
        if (request >= 0) {
            stripped = stripped.substring(request + REQUEST_PREFIX.length()).strip();
        }
        return stripped.isEmpty() ? null : stripped;
    }

    /** The joined {@code input_text} / {@code text} blocks of a response item's content. */
    static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            JsonNode value = block.path("text");
            if (value.isTextual()) {
                text.append(text.isEmpty() ? "" : "\n").append(value.asText());
            }
        }
        return text.isEmpty() ? null : text.toString();
    }
}
