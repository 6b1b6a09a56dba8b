package dev.opensessions.domain.agent;

import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;

import java.time.Instant;
import java.util.Objects;

/**
 * One agent instance the tracker knows: the latest state of a thread in a session.
 * Optional fields ({@code threadId}, {@code threadName}, {@code lastUserPrompt}, {@code paneId},
 * {@code projectDir}) are null when unknown.
 *
 * @param since when the thread entered its current status: reports that repeat the status move
 *              {@code updatedAt} on, not this; a row read back from storage starts at its {@code updatedAt}
 */
public record AgentThread(
        String agent,
        SessionName session,
        AgentStatus status,
        Instant updatedAt,
        String threadId,
        String threadName,
        String lastUserPrompt,
        boolean unseen,
        PaneId paneId,
        Liveness liveness,
        String projectDir,
        Instant since) {

    public AgentThread {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(session, "session");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(updatedAt, "updatedAt");
        Objects.requireNonNull(liveness, "liveness");
        Objects.requireNonNull(since, "since");
    }

    /** A row whose status started at its last update. */
    public AgentThread(String agent, SessionName session, AgentStatus status, Instant updatedAt, String threadId,
                       String threadName, String lastUserPrompt, boolean unseen, PaneId paneId, Liveness liveness,
                       String projectDir) {
        this(agent, session, status, updatedAt, threadId, threadName, lastUserPrompt, unseen, paneId, liveness,
                projectDir, updatedAt);
    }

    public ThreadKey key() {
        return ThreadKey.of(agent, threadId);
    }

    public Attention attention() {
        return Attention.of(status, unseen);
    }

    /** Shown in lists: exited agents disappear unless the user has not seen how they ended. */
    public boolean visible() {
        return liveness != Liveness.EXITED || unseen;
    }

    /** Its pane exists and its turn is not finished: an agent at work or waiting for its user. */
    public boolean live() {
        return liveness == Liveness.ALIVE && !status.isTerminal();
    }

    public AgentThread withUnseen(boolean value) {
        return new AgentThread(agent, session, status, updatedAt, threadId, threadName, lastUserPrompt, value,
                paneId, liveness, projectDir, since);
    }

    public AgentThread withLiveness(Liveness value) {
        return new AgentThread(agent, session, status, updatedAt, threadId, threadName, lastUserPrompt, unseen,
                paneId, value, projectDir, since);
    }

    public AgentThread withSession(SessionName value) {
        return new AgentThread(agent, value, status, updatedAt, threadId, threadName, lastUserPrompt, unseen,
                paneId, liveness, projectDir, since);
    }
}
