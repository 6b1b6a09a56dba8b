package dev.opensessions.application.port.out;

import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One thread as a source last read it: the status its last meaningful entry gives, before the
 * waiting and stale heuristics (the core applies those against its clock), and why.
 *
 * @param threadId       the thread's id in the agent (a file stem, a database id), never blank
 * @param threadName     its title or first prompt, null when unknown
 * @param lastUserPrompt the last real prompt, null when none
 * @param projectDir     the directory the agent worked in, or {@code __encoded__:<name>} for a lossy
 *                       Claude project folder that could not be decoded; null when unknown
 * @param paneId         the tmux pane the agent runs in, when the source knows it (always wins)
 * @param lastActivity   when the thread last changed (the file's modification time or the last entry's time)
 * @param endsInToolCall true when the last meaningful entry is a tool call (a running thread idle for 3 s
 *                       then waits for the user's approval)
 * @param origin         where it was read: a file path, a database file and row, a command
 * @param evidence       the entries that decided the status, short and in order, for {@code /debug/agents}
 * @param reported       what the agent stated itself (a plugin's line), null for what a source read from
 *                       the agent's files
 */
public record AgentObservation(String agent, String threadId, AgentStatus status, String threadName,
                               String lastUserPrompt, String projectDir, PaneId paneId, Instant lastActivity,
                               boolean endsInToolCall, String origin, List<String> evidence, Reported reported) {

    /**
     * A status an agent reported rather than one read from its files: it is taken as said, without the
     * waiting and stale heuristics, like an event pushed over HTTP, and may name its session and unseen state.
     *
     * @param tmuxSession the session the agent named, the last resort after its pane and directory; may be null
     * @param unseen      the agent's explicit unseen override, null for the tracker's rule
     */
    public record Reported(SessionName tmuxSession, Boolean unseen) {
    }

    /** A thread read from the agent's files. */
    public AgentObservation(String agent, String threadId, AgentStatus status, String threadName,
                            String lastUserPrompt, String projectDir, PaneId paneId, Instant lastActivity,
                            boolean endsInToolCall, String origin, List<String> evidence) {
        this(agent, threadId, status, threadName, lastUserPrompt, projectDir, paneId, lastActivity, endsInToolCall,
                origin, evidence, null);
    }

    public AgentObservation {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(lastActivity, "lastActivity");
        Objects.requireNonNull(origin, "origin");
        evidence = List.copyOf(evidence);
        if (agent.isBlank() || threadId.isBlank()) {
            throw new IllegalArgumentException("agent and threadId must not be blank");
        }
    }
}
