package dev.opensessions.domain.agent;

/** Whether the pane an agent runs in still exists. */
public enum Liveness {
    ALIVE("alive"),
    EXITED("exited"),
    UNKNOWN("unknown");

    private final String wireName;

    Liveness(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
