package dev.opensessions.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A log line on the wire; {@code source} is omitted when not given. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LogView(String message, String tone, String source, long ts) {
}
