package dev.opensessions.domain.agent;

import java.util.Optional;

/** What an agent thread is doing, with the tracker's headline priority. */
public enum AgentStatus {
    IDLE("idle", 0),
    RUNNING("running", 6),
    TOOL_RUNNING("tool-running", 7),
    WAITING("waiting", 2),
    DONE("done", 1),
    ERROR("error", 5),
    INTERRUPTED("interrupted", 3),
    STALE("stale", 4);

    private final String wireName;
    private final int trackerPriority;

    AgentStatus(String wireName, int trackerPriority) {
        this.wireName = wireName;
        this.trackerPriority = trackerPriority;
    }

    /** The name used on the wire and in files: {@code tool-running}, {@code done}, ... */
    public String wireName() {
        return wireName;
    }

    /** Priority used to pick a session's headline agent: tool-running 7 down to idle 0. */
    public int trackerPriority() {
        return trackerPriority;
    }

    /** A finished turn: done, error, interrupted or stale. These raise the unseen marker. */
    public boolean isTerminal() {
        return switch (this) {
            case DONE, ERROR, INTERRUPTED, STALE -> true;
            case IDLE, RUNNING, TOOL_RUNNING, WAITING -> false;
        };
    }

    /** Working right now: running or tool-running. */
    public boolean isWorking() {
        return this == RUNNING || this == TOOL_RUNNING;
    }

    /** The status with this wire name, or empty for anything else (exact, case-sensitive). */
    public static Optional<AgentStatus> fromWire(String wireName) {
        // A plain loop over one shared array: this runs for every agent event and every stored history row.
        for (AgentStatus status : ALL) {
            if (status.wireName.equals(wireName)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }

    private static final AgentStatus[] ALL = values();
}
