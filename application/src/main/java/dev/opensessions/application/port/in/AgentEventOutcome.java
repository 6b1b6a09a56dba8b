package dev.opensessions.application.port.in;

import dev.opensessions.domain.session.SessionName;

/** What became of an agent report. */
public sealed interface AgentEventOutcome {

    /** Applied to the named live session. */
    record Recorded(SessionName session) implements AgentEventOutcome {
    }

    /**
     * Older than the last report of the same thread, so it was dropped: hooks post in the background, and
     * two reports of one turn can arrive in the opposite order.
     */
    record Superseded(SessionName session) implements AgentEventOutcome {
    }

    /** No live session matches the report's pane, directory or name; it was accepted and dropped. */
    record Unresolved() implements AgentEventOutcome {
    }
}
