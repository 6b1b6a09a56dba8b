package dev.opensessions.application.port.in;

import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Records one agent report (HTTP push, watcher or plugin) against the session it belongs to. */
public interface RecordAgentEventUseCase {

    /**
     * @throws LimitExceeded when the report would add a thread to a session that holds as many as it may and
     *                       every one of them is live (nothing is changed)
     */
    AgentEventOutcome record(Command command);

    /**
     * Records several reports, in their order, as one change of the state: one new snapshot and one round of its
     * listeners for all of them, as if each had been recorded alone right after the one before. A report refused
     * for a cap changes nothing and does not keep the others from being recorded.
     *
     * <p>By default each report is recorded alone, in order.
     *
     * @return what became of each report, at its index
     */
    default List<BatchOutcome> recordAll(List<Command> commands) {
        List<BatchOutcome> outcomes = new ArrayList<>(commands.size());
        for (Command command : commands) {
            try {
                outcomes.add(new Taken(record(command)));
            } catch (LimitExceeded exceeded) {
                outcomes.add(new Refused(exceeded));
            }
        }
        return outcomes;
    }

    /** What became of one report of a {@link #recordAll} batch: its outcome, or the cap that refused it. */
    sealed interface BatchOutcome {
    }

    /** The report was taken (recorded, or accepted and dropped). */
    record Taken(AgentEventOutcome outcome) implements BatchOutcome {

        public Taken {
            Objects.requireNonNull(outcome, "outcome");
        }
    }

    /** The report would have passed a cap; nothing of it was changed. */
    record Refused(LimitExceeded limit) implements BatchOutcome {

        public Refused {
            Objects.requireNonNull(limit, "limit");
        }
    }

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
