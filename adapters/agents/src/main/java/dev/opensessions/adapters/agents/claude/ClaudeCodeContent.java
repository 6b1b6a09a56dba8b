package dev.opensessions.adapters.agents.claude;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

/** Reads the {@code message.content} of Claude Code entries: a string, or an array of typed blocks. */
final class ClaudeCodeContent {

    private static final List<String> NOISE_PREFIXES = List.of("<local-command-", "<bash-", "<system-reminder>",
            "<task-notification>", "<command-", "<user-memory-input>", "Caveat: The messages below were generated");

    private ClaudeCodeContent() {
    }

    /** The text blocks, or the whole content when it is a plain string. */
    static List<String> texts(JsonNode content) {
        if (content.isTextual()) {
            return List.of(content.asText());
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode block : content) {
            if ("text".equals(block.path("type").asText()) && block.path("text").isTextual()) {
                texts.add(block.path("text").asText());
            }
        }
        return texts;
    }

    static boolean has(JsonNode content, String type) {
        return content.isArray() && StreamSupport.stream(content.spliterator(), false)
                .anyMatch(block -> type.equals(block.path("type").asText()));
    }

    /** The name of the last tool_use block, or "tool" when it has none. */
    static String toolName(JsonNode content) {
        String name = "tool";
        for (JsonNode block : content) {
            if ("tool_use".equals(block.path("type").asText())) {
                name = block.path("name").asText("tool");
            }
        }
        return name;
    }

    /** A background task's completion notice, which Claude Code answers in a turn of its own. */
    static boolean isTaskNotification(String text) {
        return text.stripLeading().startsWith("<task-notification>");
    }

    /** Why this text is noise (local command output, reminders, slash-command wrappers), or null for a real one. */
    static String noise(String text) {
        String stripped = text.stripLeading();
        for (String prefix : NOISE_PREFIXES) {
            if (stripped.startsWith(prefix)) {
                return prefix.startsWith("<") ? prefix + "…" : "caveat";
            }
        }
        return text.contains("<command-name>/") ? "slash command" : null;
    }

    /** A real prompt: not a wrapper, not JSON, not an interruption marker, not a slash command. */
    static boolean isPrompt(String text) {
        String stripped = text.strip();
        return !stripped.isEmpty() && !stripped.startsWith("<") && !stripped.startsWith("{")
                && !stripped.startsWith("[Request") && !stripped.contains("<command-name>/") && noise(text) == null;
    }
}
