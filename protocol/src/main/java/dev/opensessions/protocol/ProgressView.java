package dev.opensessions.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A progress bar on the wire; {@code current}, {@code total} and {@code label} are omitted when not given. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgressView(Double current, Double total, double percent, String label, long ts) {
}
