package dev.opensessions.application.port.in;

import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;

import java.time.Instant;
import java.util.Objects;

/** Records one agent report (HTTP push, watcher or plugin) against the session it belongs to. */
public interface RecordAgentEventUseCase {

    /**
     * @throws LimitExceeded when the report would add a thread to a session that holds as many as it may and
     *                       every one of them is live (nothing is changed)
     */
    AgentEventOutcome record(Command command);

    /**
     * A validated agent report. Optional fields are null when not given; {@code ts} null means now.
     *
     * @param tmuxSession the session the agent says it is in, used when pane and directory do not resolve
     */
    record Command(
            String agent,
            AgentStatus status,
            SessionName tmuxSession,
            String projectDir,
            String threadId,
            String threadName,
            String lastUserPrompt,
            Instant ts,
            Boolean unseen,
            PaneId paneId) {

        public Command {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(status, "status");
            if (agent.isBlank()) {
                throw new IllegalArgumentException("agent is blank");
            }
        }
    }
}
