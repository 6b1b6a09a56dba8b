package dev.opensessions.domain.metadata;

import dev.opensessions.domain.text.Text;

import java.time.Instant;
import java.util.Objects;

/** A short status a script set on a session, shown as a coloured pill. */
public record StatusPill(String text, Tone tone, Instant ts) {

    public StatusPill {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(tone, "tone");
        Objects.requireNonNull(ts, "ts");
        if (text.isBlank()) {
            throw new IllegalArgumentException("status text is blank");
        }
        text = Text.cap(text, Text.MAX_TEXT);
    }
}
