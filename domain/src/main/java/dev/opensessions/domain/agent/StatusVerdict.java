package dev.opensessions.domain.agent;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The status a thread shows, the evidence that decided it and why, and when the verdict could next change on
 * its own (a quiet file crossing a bound, liveness to be read again).
 *
 * @param recheckAt null when only new evidence can change the verdict
 */
public record StatusVerdict(AgentStatus status, Evidence evidence, String why, Instant recheckAt) {

    public StatusVerdict {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(evidence, "evidence");
        Objects.requireNonNull(why, "why");
    }

    public Optional<Instant> recheck() {
        return Optional.ofNullable(recheckAt);
    }
}
