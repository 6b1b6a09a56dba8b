package dev.opensessions.application.service;

import dev.opensessions.application.port.in.RecordAgentEventUseCase;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.ThreadKey;

/**
 * What the end of a Pi session's last process does to its row: one still running, tool-running or waiting
 * can no longer finish, so it becomes stale; any other row (idle or finished) stays exactly as it is.
 */
final class PiSessionEnd {

    private final StateOwner owner;
    private final RecordAgentEventUseCase recorder;

    PiSessionEnd(StateOwner owner, RecordAgentEventUseCase recorder) {
        this.owner = owner;
        this.recorder = recorder;
    }

    /**
     * The stale report carries the row's own time, so a report that reached the row meanwhile supersedes it
     * and stands.
     */
    void ended(String sessionId) {
        owner.current().agents().find(ThreadKey.of(PiRuntimeService.AGENT, sessionId))
                .filter(row -> open(row.status()))
                .ifPresent(row -> recorder.record(staleReport(row)));
    }

    /** Still working or waiting for the user: a row a vanished process leaves unfinished. */
    static boolean open(AgentStatus status) {
        return switch (status) {
            case RUNNING, TOOL_RUNNING, WAITING -> true;
            case IDLE, DONE, ERROR, INTERRUPTED, STALE -> false;
        };
    }

    private static RecordAgentEventUseCase.Command staleReport(AgentThread row) {
        return new RecordAgentEventUseCase.Command(PiRuntimeService.AGENT, AgentStatus.STALE, row.session(), null,
                row.threadId(), null, null, row.updatedAt(), null, null);
    }
}
