package dev.opensessions.domain.agent;

/** The kinds of evidence a status rests on, best first (see {@link AgentTruth} for the order). */
public enum Evidence {
    /** What the agent told us itself: a hook, a plugin line, an event posted to the API. */
    HOOK("hook"),
    /** What the agent wrote: its transcript, rollout or thread store. */
    TRANSCRIPT("transcript"),
    /** What the agent's pane shows. */
    SCREEN("screen"),
    /** Whether the agent's process lives. */
    PROCESS("process");

    private final String wireName;

    Evidence(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
