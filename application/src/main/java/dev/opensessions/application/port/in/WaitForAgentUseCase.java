package dev.opensessions.application.port.in;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

/**
 * Waits, without holding a thread, until an agent row matches a filter: completes at once when one matches
 * already, else when the first change makes one match, else when the time is up. Cancelling the returned
 * stage (its caller went away) ends the wait and frees its place.
 */
public interface WaitForAgentUseCase {

    /** How many waits may be open at once; one more is answered {@link WaitOutcome.TooManyWaits}. */
    int MAX_OPEN_WAITS = 4096;

    CompletionStage<WaitOutcome> waitFor(AgentFilter filter, Duration timeout);
}
