package dev.opensessions.adapters.agents.watch;

import dev.opensessions.application.port.out.AgentObservation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads one agent file into the thread it records; one instance per file, so it may keep what it already read
 * (a tail offset, a parser state) between calls.
 */
public interface ThreadFileReader {

    /**
     * Reads the file after it changed.
     *
     * @param modified the file's modification time, the thread's last activity
     * @return the thread as the file now says, empty while the file holds no thread yet
     */
    Optional<AgentObservation> read(Path file, Instant modified) throws IOException;
}
