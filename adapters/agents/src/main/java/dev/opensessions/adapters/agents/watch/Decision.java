package dev.opensessions.adapters.agents.watch;

import dev.opensessions.domain.agent.AgentStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The status a transcript's last meaningful entry gives, with the evidence for it: the deciding entry, then
 * the few entries skipped after it as noise.
 *
 * @param toolCall the deciding entry is a tool call, so a quiet file may mean the agent waits for approval
 */
public record Decision(AgentStatus status, boolean toolCall, List<String> evidence) {

    private static final int MAX_EVIDENCE = 4;

    public Decision {
        Objects.requireNonNull(status, "status");
        evidence = List.copyOf(evidence);
    }

    /** A decision by one entry: {@code line 12: assistant stop_reason=end_turn -> done}. */
    public static Decision by(JsonlEntry entry, String what, AgentStatus status, boolean toolCall) {
        return new Decision(status, toolCall,
                List.of("line " + entry.line() + ": " + what + " -> " + status.wireName()));
    }

    /** The same decision, noting an entry that came after it but does not count. */
    public Decision skipping(JsonlEntry entry, String why) {
        List<String> more = new ArrayList<>(evidence);
        more.add("line " + entry.line() + ": skipped " + why);
        if (more.size() > MAX_EVIDENCE) {
            // keep the deciding entry and the latest skips
            more.remove(1);
        }
        return new Decision(status, toolCall, more);
    }

    /** Skips an entry on a possibly missing decision. */
    public static Decision skip(Decision decision, JsonlEntry entry, String why) {
        return decision == null ? null : decision.skipping(entry, why);
    }
}
