package dev.opensessions.adapters.agents.codex;

import dev.opensessions.adapters.agents.watch.JsonlEntry;
import dev.opensessions.adapters.agents.watch.JsonlTail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Thread names from {@code $CODEX_HOME/session_index.jsonl}, one {@code {id, thread_name}} per line; a later line
 * for the same id is a rename and wins. Tailed like a transcript.
 */
final class CodexSessionIndex {

    private static final System.Logger LOG = System.getLogger(CodexSessionIndex.class.getName());

    private final Path file;
    private final Map<String, String> names = new HashMap<>();
    private JsonlTail tail;

    CodexSessionIndex(Path file) {
        this.file = file;
    }

    /** Reads what was appended; true when a name changed. */
    synchronized boolean refresh() {
        if (!Files.isRegularFile(file)) {
            boolean had = !names.isEmpty();
            names.clear();
            tail = null;
            return had;
        }
        if (tail == null) {
            tail = new JsonlTail(file);
        }
        try {
            JsonlTail.Batch batch = tail.poll();
            Map<String, String> before = Map.copyOf(names);
            if (batch.restarted()) {
                names.clear();
            }
            for (JsonlEntry entry : batch.entries()) {
                String id = entry.text("id");
                String name = entry.text("thread_name");
                if (id != null && name != null && !name.isBlank()) {
                    names.put(id, name.strip());
                }
            }
            return !before.equals(names);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot read " + file, e);
            return false;
        }
    }

    synchronized Optional<String> nameOf(String threadId) {
        return Optional.ofNullable(names.get(threadId));
    }
}
