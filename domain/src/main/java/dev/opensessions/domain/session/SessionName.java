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
        for (int i = 0; i < value.length(); i++) {
            // A loop, not a stream: names are made on every agent event's path, and the client compiler (C1) builds
            // a stream's pipeline on each call.
            char c = value.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                throw new IllegalArgumentException("session name contains a control character");
            }
        }
    }

    public static SessionName of(String value) {
        return new SessionName(value);
    }

    @Override
    public int compareTo(SessionName other) {
        return value.compareTo(other.value);
    }

    /**
     * Written out because it is a map key on every agent event's path: the record's generated {@code equals} and
     * {@code hashCode} run through method handles, which the server's client compiler (C1) does not inline. The
     * same results as the generated ones.
     */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof SessionName that && value.equals(that.value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return value;
    }
}
