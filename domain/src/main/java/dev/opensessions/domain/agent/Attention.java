package dev.opensessions.domain.agent;

/**
 * The user-facing attention signal of an agent, most urgent first:
 * error, stale, interrupted, waiting, done-unseen, tool-running, running, done-seen, idle.
 */
public enum Attention {
    ERROR,
    STALE,
    INTERRUPTED,
    WAITING,
    DONE_UNSEEN,
    TOOL_RUNNING,
    RUNNING,
    DONE_SEEN,
    IDLE;

    public static Attention of(AgentStatus status, boolean unseen) {
        return switch (status) {
            case ERROR -> ERROR;
            case STALE -> STALE;
            case INTERRUPTED -> INTERRUPTED;
            case WAITING -> WAITING;
            case DONE -> unseen ? DONE_UNSEEN : DONE_SEEN;
            case TOOL_RUNNING -> TOOL_RUNNING;
            case RUNNING -> RUNNING;
            case IDLE -> IDLE;
        };
    }

    /** True when this signal is more urgent than the other. */
    public boolean outranks(Attention other) {
        return ordinal() < other.ordinal();
    }
}
