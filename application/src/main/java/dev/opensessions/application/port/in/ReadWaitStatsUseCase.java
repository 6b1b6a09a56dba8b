package dev.opensessions.application.port.in;

import dev.opensessions.domain.agent.WaitReport;

import java.time.Instant;

/** How long agents waited for the user from a moment until now, from the status history. */
public interface ReadWaitStatsUseCase {

    WaitReport stats(Instant since);
}
