package dev.opensessions.domain.metadata;

import java.util.Arrays;
import java.util.Optional;

/** The colour family of a status pill or log line. */
public enum Tone {
    NEUTRAL("neutral", "·"),
    INFO("info", "ℹ"),
    SUCCESS("success", "✓"),
    WARN("warn", "⚠"),
    ERROR("error", "✗");

    private final String wireName;
    private final String icon;

    Tone(String wireName, String icon) {
        this.wireName = wireName;
        this.icon = icon;
    }

    public String wireName() {
        return wireName;
    }

    public String icon() {
        return icon;
    }

    /** The tone with this wire name, or empty for anything else (exact, case-sensitive). */
    public static Optional<Tone> fromWire(String wireName) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
    }
}
