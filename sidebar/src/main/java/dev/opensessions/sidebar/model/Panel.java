package dev.opensessions.sidebar.model;

/** Which panel has the keyboard (SPEC 7.5): the session list or the agents (detail) panel. */
public enum Panel {
    SESSIONS,
    AGENTS
}
