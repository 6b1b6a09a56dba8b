package dev.opensessions.adapters.agents.watch;

import dev.opensessions.application.port.out.AgentObservation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads a JSONL transcript by tailing it and folding the new entries into the agent's parser; a file read
 * again from its start gets a fresh parser.
 */
public final class JsonlThreadReader implements ThreadFileReader {

    private final String agent;
    private final String threadId;
    private final JsonlTail tail;
    private final Supplier<TranscriptParser> fresh;
    private TranscriptParser parser;

    /** @param threadId the id derived from the file name, used unless the transcript declares one */
    public JsonlThreadReader(String agent, String threadId, Path file, Supplier<TranscriptParser> fresh) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.threadId = Objects.requireNonNull(threadId, "threadId");
        this.tail = new JsonlTail(file);
        this.fresh = Objects.requireNonNull(fresh, "fresh");
        this.parser = fresh.get();
    }

    @Override
    public Optional<AgentObservation> read(Path file, Instant modified) throws IOException {
        JsonlTail.Batch batch = tail.poll();
        if (batch.restarted()) {
            parser = fresh.get();
        }
        for (JsonlEntry entry : batch.entries()) {
            parser = parser.accept(entry);
        }
        return parser.state().map(state -> observation(state, file, modified));
    }

    private AgentObservation observation(ThreadState state, Path file, Instant modified) {
        List<String> evidence = new ArrayList<>(state.evidence());
        if (tail.malformedLines() > 0) {
            evidence.add(tail.malformedLines() + " malformed line(s) skipped");
        }
        String id = state.threadId() != null && !state.threadId().isBlank() ? state.threadId() : threadId;
        return new AgentObservation(agent, id, state.status(), state.threadName(), state.lastUserPrompt(),
                state.projectDir(), null, modified, state.endsInToolCall(), file.toString(), evidence);
    }
}
