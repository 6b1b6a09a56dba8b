package dev.opensessions.adapters.agents.watch;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Objects;

/**
 * One parsed line of a JSONL transcript.
 *
 * @param line the 1-based line number in the file, quoted in evidence so a user can find the entry
 * @param json the line's JSON object
 */
public record JsonlEntry(long line, JsonNode json) {

    public JsonlEntry {
        Objects.requireNonNull(json, "json");
        if (line < 1) {
            throw new IllegalArgumentException("line numbers start at 1: " + line);
        }
    }

    /** The text field {@code name}, or null when absent or not text. */
    public String text(String name) {
        JsonNode value = json.get(name);
        return value != null && value.isTextual() ? value.asText() : null;
    }
}
