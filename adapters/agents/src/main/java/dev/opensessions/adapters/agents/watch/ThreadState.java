package dev.opensessions.adapters.agents.watch;

import dev.opensessions.domain.agent.AgentStatus;

import java.util.List;
import java.util.Objects;

/**
 * What a parser made of a transcript so far: the status of its last meaningful entry, before the core's
 * waiting and stale heuristics, and the facts around it. Optional fields are null when unknown.
 *
 * @param threadId       the id the transcript itself declares, null to use the one derived from the file name
 * @param endsInToolCall the last meaningful entry is a tool call (feeds the 3 s waiting heuristic)
 * @param evidence       the entries that decided the status, short and in order
 */
public record ThreadState(String threadId, AgentStatus status, String threadName, String lastUserPrompt,
                          String projectDir, boolean endsInToolCall, List<String> evidence) {

    public ThreadState {
        Objects.requireNonNull(status, "status");
        evidence = List.copyOf(evidence);
    }
}
