package dev.opensessions.domain.session;

import dev.opensessions.domain.text.Text;

import java.util.Objects;

/** The name of a tmux session, the key under which sessions, metadata and agents are kept. */
public record SessionName(String value) implements Comparable<SessionName> {

    public SessionName {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("session name is empty");
        }
        if (value.length() > Text.MAX_ID) {
            throw new IllegalArgumentException("session name is longer than " + Text.MAX_ID + " characters");
        }
        if (value.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("session name contains a control character");
        }
    }

    public static SessionName of(String value) {
        return new SessionName(value);
    }

    @Override
    public int compareTo(SessionName other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
