package dev.opensessions.domain.agent;

import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.text.Text;

import java.time.Instant;
import java.util.Objects;

/**
 * One report of an agent's state, already validated, before it is applied to the tracker.
 * Optional fields are null when the source did not say.
 */
public record AgentEvent(
        String agent,
        AgentStatus status,
        Instant ts,
        String threadId,
        String threadName,
        String lastUserPrompt,
        Boolean unseen,
        PaneId paneId,
        String projectDir) {

    public AgentEvent {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(ts, "ts");
        if (agent.isBlank()) {
            throw new IllegalArgumentException("agent is blank");
        }
        agent = Text.cap(agent, Text.MAX_ID);
        threadId = Text.optional(threadId, Text.MAX_ID);
        threadName = Text.optional(threadName, Text.MAX_ID);
        lastUserPrompt = Text.optional(lastUserPrompt, Text.MAX_TEXT);
        projectDir = Text.optional(projectDir, Text.MAX_TEXT);
    }

    public ThreadKey key() {
        return ThreadKey.of(agent, threadId);
    }
}
