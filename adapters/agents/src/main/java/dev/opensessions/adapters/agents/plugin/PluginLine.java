package dev.opensessions.adapters.agents.plugin;

import dev.opensessions.application.port.out.AgentObservation;

import java.util.Objects;

/** What one line of a plugin's output was: an agent observation, or a line that is skipped and why. */
public sealed interface PluginLine {

    /** A valid agent event. */
    record Observed(AgentObservation observation) implements PluginLine {
        public Observed {
            Objects.requireNonNull(observation, "observation");
        }
    }

    /** Not an agent event; the reason goes to the log. */
    record Rejected(String reason) implements PluginLine {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }
}
