package dev.opensessions.domain.metadata;

import dev.opensessions.domain.text.Text;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A progress bar a script set on a session. {@code current} and {@code total} are null when not given;
 * {@code percent} is always 0 to 100.
 */
public record Progress(Double current, Double total, double percent, String label, Instant ts) {

    public Progress {
        Objects.requireNonNull(ts, "ts");
        if (Double.isNaN(percent) || percent < 0 || percent > 100) {
            throw new IllegalArgumentException("percent must be within 0..100");
        }
        requireFinite(current, "current");
        requireFinite(total, "total");
        label = Text.optional(label, Text.MAX_ID);
    }

    /**
     * Progress from what a script sent: an explicit percent wins, else current of total. Empty when no
     * number was given, which clears the progress.
     */
    public static Optional<Progress> of(Double current, Double total, Double percent, String label, Instant ts) {
        requireFinite(current, "current");
        requireFinite(total, "total");
        requireFinite(percent, "percent");
        if (current == null && total == null && percent == null) {
            return Optional.empty();
        }
        double computed;
        if (percent != null) {
            computed = percent;
        } else if (current != null && total != null && total > 0) {
            computed = current / total * 100.0;
        } else {
            computed = 0;
        }
        return Optional.of(new Progress(current, total, Math.max(0, Math.min(100, computed)), label, ts));
    }

    private static void requireFinite(Double value, String name) {
        if (value != null && !Double.isFinite(value)) {
            throw new IllegalArgumentException(name + " must be a finite number");
        }
    }
}
