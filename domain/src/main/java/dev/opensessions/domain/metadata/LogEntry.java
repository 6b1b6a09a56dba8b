package dev.opensessions.domain.metadata;

import dev.opensessions.domain.text.Text;

import java.time.Instant;
import java.util.Objects;

/** One line a script logged on a session; {@code source} is null when not given. */
public record LogEntry(String message, Tone tone, String source, Instant ts) {

    public LogEntry {
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(tone, "tone");
        Objects.requireNonNull(ts, "ts");
        message = Text.cap(message, Text.MAX_TEXT);
        source = Text.optional(source, Text.MAX_ID);
    }
}
