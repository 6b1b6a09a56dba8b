package dev.opensessions.sidebar.model;

import java.util.Objects;

/** One key press as the terminal reported it; {@code codePoint} is meaningful for {@link KeyKind#CHAR} only. */
public record Key(KeyKind kind, int codePoint, boolean ctrl, boolean alt, boolean shift) {

    public Key {
        Objects.requireNonNull(kind, "kind");
    }

    public static Key of(KeyKind kind) {
        return new Key(kind, 0, false, false, false);
    }

    public static Key character(int codePoint) {
        return new Key(KeyKind.CHAR, codePoint, false, false, false);
    }

    public static Key ctrl(char letter) {
        return new Key(KeyKind.CHAR, Character.toLowerCase(letter), true, false, false);
    }

    /** True for the plain printable character {@code c} (no ctrl or alt). */
    public boolean is(char c) {
        return kind == KeyKind.CHAR && codePoint == c && !ctrl && !alt;
    }
}
