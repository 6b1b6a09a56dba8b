package dev.opensessions.application.service;

import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.domain.agent.AgentStatus;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The waiting and stale heuristics of SPEC 5.0, applied to what a source read against the core's clock,
 * and when they next could change their answer. A status an agent reported itself is taken as said.
 */
final class AgentHeuristics {

    /** A running thread whose last entry is a tool call and that stays quiet this long waits for approval. */
    static final Duration WAITING_AFTER = Duration.ofSeconds(3);
    /** A running or waiting thread that stays quiet this long has stopped. */
    static final Duration STALE_AFTER = Duration.ofSeconds(15);

    private AgentHeuristics() {
    }

    /** The status to show now. */
    static AgentStatus shown(AgentObservation observation, Instant now) {
        if (observation.reported() != null) {
            return observation.status();
        }
        Duration quiet = Duration.between(observation.lastActivity(), now);
        AgentStatus status = observation.status();
        if (status == AgentStatus.RUNNING && observation.endsInToolCall() && quiet.compareTo(WAITING_AFTER) >= 0) {
            status = AgentStatus.WAITING;
        }
        if (open(status) && quiet.compareTo(STALE_AFTER) >= 0) {
            status = AgentStatus.STALE;
        }
        return status;
    }

    /** The next instant {@link #shown} may answer differently; empty when it never will (a finished thread). */
    static Optional<Instant> nextChange(AgentObservation observation, Instant now) {
        if (observation.reported() != null || !open(observation.status())) {
            return Optional.empty();
        }
        Instant waitingAt = observation.lastActivity().plus(WAITING_AFTER);
        if (observation.status() == AgentStatus.RUNNING && observation.endsInToolCall() && now.isBefore(waitingAt)) {
            return Optional.of(waitingAt);
        }
        Instant staleAt = observation.lastActivity().plus(STALE_AFTER);
        return now.isBefore(staleAt) ? Optional.of(staleAt) : Optional.empty();
    }

    private static boolean open(AgentStatus status) {
        return status == AgentStatus.RUNNING || status == AgentStatus.WAITING;
    }
}
