package dev.opensessions.sidebar.model;

/** Which panel has the keyboard: the session list or the agents (detail) panel. */
public enum Panel {
    SESSIONS,
    AGENTS
}
