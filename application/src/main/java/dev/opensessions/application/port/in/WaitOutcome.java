package dev.opensessions.application.port.in;

import dev.opensessions.domain.agent.AgentThread;

/** How a wait for an agent state ended. */
public sealed interface WaitOutcome {

    /** The condition holds: this row matches (it held already, or it just became true). */
    record Met(AgentThread thread) implements WaitOutcome {
    }

    /** The condition did not hold within the wait's time. */
    record TimedOut() implements WaitOutcome {
    }

    /** Refused at once: this many waits are already open. */
    record TooManyWaits(int limit) implements WaitOutcome {
    }

    /** The server is stopping; the wait ended without an answer. */
    record Stopped() implements WaitOutcome {
    }
}
