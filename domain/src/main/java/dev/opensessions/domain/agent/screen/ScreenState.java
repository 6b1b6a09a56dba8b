package dev.opensessions.domain.agent.screen;

import dev.opensessions.domain.agent.AgentStatus;

/** What an agent's visible screen can say, strongest first: a question for the user, work going on, its input prompt. */
public enum ScreenState {
    /** A permission prompt, a question or a confirm waits for the user. */
    WAITING("waiting", AgentStatus.WAITING),
    /** The agent works: its spinner or its interrupt hint shows. */
    WORKING("working", AgentStatus.RUNNING),
    /** Its input prompt waits for the next message. */
    IDLE("idle", AgentStatus.IDLE);

    private final String wireName;
    private final AgentStatus status;

    ScreenState(String wireName, AgentStatus status) {
        this.wireName = wireName;
        this.status = status;
    }

    /** The key of this state in a rule file: {@code waiting}, {@code working}, {@code idle}. */
    public String wireName() {
        return wireName;
    }

    /** The agent status this state shows as. */
    public AgentStatus status() {
        return status;
    }
}
