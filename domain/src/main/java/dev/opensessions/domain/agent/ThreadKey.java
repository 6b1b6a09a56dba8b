package dev.opensessions.domain.agent;

import java.util.Objects;

/** Identifies one agent row: {@code agent:threadId} when the thread id is known, else {@code agent}. */
public record ThreadKey(String value) {

    public ThreadKey {
        Objects.requireNonNull(value, "value");
        if (value.isEmpty()) {
            throw new IllegalArgumentException("thread key is empty");
        }
    }

    public static ThreadKey of(String agent, String threadId) {
        Objects.requireNonNull(agent, "agent");
        return new ThreadKey(threadId == null ? agent : agent + ":" + threadId);
    }

    /** The agent's name: the key up to its first {@code :}. */
    public String agent() {
        int colon = value.indexOf(':');
        return colon < 0 ? value : value.substring(0, colon);
    }

    @Override
    public String toString() {
        return value;
    }
}
