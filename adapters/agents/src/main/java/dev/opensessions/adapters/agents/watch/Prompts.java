package dev.opensessions.adapters.agents.watch;

import com.fasterxml.jackson.databind.JsonNode;

/** Text rules shared by the parsers: a thread name is the first line of the first prompt, 80 characters at most. */
public final class Prompts {

    public static final int NAME_LENGTH = 80;

    private Prompts() {
    }

    /** The first non-blank line of a prompt, stripped and cut to 80 characters without splitting a surrogate pair. */
    public static String nameFrom(String prompt) {
        if (prompt == null) {
            return null;
        }
        String line = prompt.strip().lines().findFirst().orElse("").strip();
        if (line.isEmpty()) {
            return null;
        }
        if (line.codePointCount(0, line.length()) <= NAME_LENGTH) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, NAME_LENGTH));
    }

    /** The text with surrounding blanks removed, or null when nothing is left. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String stripped = text.strip();
        return stripped.isEmpty() ? null : stripped;
    }

    /** A message's text: the content itself when it is a string, else its {@code text} blocks joined by lines. */
    public static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode block : content) {
            if ("text".equals(block.path("type").asText()) && block.path("text").isTextual()) {
                text.append(text.isEmpty() ? "" : "\n").append(block.path("text").asText());
            }
        }
        return text.isEmpty() ? null : text.toString();
    }

    /** True when the content array holds a block of one of these types. */
    public static boolean hasBlock(JsonNode content, String... types) {
        for (JsonNode block : content) {
            for (String type : types) {
                if (type.equals(block.path("type").asText())) {
                    return true;
                }
            }
        }
        return false;
    }
}
