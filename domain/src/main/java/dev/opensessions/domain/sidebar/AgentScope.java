package dev.opensessions.domain.sidebar;

/** What the agents panel lists: the focused session's agents, or every session's. */
public enum AgentScope {
    CURRENT("current"),
    ALL("all");

    private final String label;

    AgentScope(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public AgentScope other() {
        return this == CURRENT ? ALL : CURRENT;
    }
}
