package dev.opensessions.adapters.agents.opencode;

import java.util.Objects;

/**
 * One recent session as the store query returned it: its columns, the JSON of its last message and of its
 * last user prompt (either may be null when the session has none).
 */
record OpenCodeSessionRow(String id, String title, String directory, long timeUpdatedMillis,
                          String lastMessageJson, String lastPromptJson) {

    OpenCodeSessionRow {
        Objects.requireNonNull(id, "id");
    }
}
