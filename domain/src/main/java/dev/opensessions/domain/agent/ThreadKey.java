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

    /**
     * Written out because it is a map key on every agent event's path: the record's generated {@code equals} and
     * {@code hashCode} run through method handles, which the server's client compiler (C1) does not inline. The
     * same results as the generated ones.
     */
    @Override
    public boolean equals(Object other) {
        return other == this || other instanceof ThreadKey that && value.equals(that.value);
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
