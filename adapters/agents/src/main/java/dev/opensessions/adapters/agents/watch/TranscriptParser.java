package dev.opensessions.adapters.agents.watch;

import java.util.Optional;

/**
 * A pure fold over one agent's transcript entries: each implementation is an immutable value, and feeding it
 * an entry returns the next value, so a tailed file needs only its new lines.
 */
public interface TranscriptParser {

    /** The parser after this entry. */
    TranscriptParser accept(JsonlEntry entry);

    /** The thread as read so far, empty until an entry gave it a status. */
    Optional<ThreadState> state();
}
