package dev.opensessions.application.service;

import dev.opensessions.application.port.in.AgentEventOutcome;
import dev.opensessions.application.port.in.LimitExceeded;
import dev.opensessions.application.port.in.RecordAgentEventUseCase;
import dev.opensessions.application.state.Change;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.domain.agent.AgentEvent;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.AgentTracker;
import dev.opensessions.domain.agent.StatusTransition;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.SessionResolver;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves an agent report to a live session and applies it to the tracker, noting status transitions; a
 * session holds at most {@link #MAX_THREADS_PER_SESSION} threads.
 */
public final class RecordAgentEventService implements RecordAgentEventUseCase {

    /**
     * Agent threads one session may hold: far more than anyone runs in one session, so a loop posting made-up
     * thread ids stops here. To make room for a new thread, the oldest thread that is not live goes; when
     * every one is live the report is refused with {@link LimitExceeded} (CONTRACTS.md, "Caps").
     */
    public static final int MAX_THREADS_PER_SESSION = 64;

    private final StateOwner owner;
    private final TransitionRecorder transitions;

    public RecordAgentEventService(StateOwner owner, TransitionRecorder transitions) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.transitions = Objects.requireNonNull(transitions, "transitions");
    }

    @Override
    public AgentEventOutcome record(Command command) {
        return owner.apply(state -> {
            Optional<SessionName> session = SessionResolver.resolve(
                    state.topology(), command.paneId(), command.projectDir(), command.tmuxSession());
            if (session.isEmpty()) {
                return Change.of(state, new AgentEventOutcome.Unresolved());
            }
            // A time ahead of the server's clock is a client's mistake (seconds taken for millis, a skewed
            // clock); kept as it is, it would make every later report of the thread look older and be dropped.
            Instant now = owner.clock().instant();
            Instant ts = command.ts() == null || command.ts().isAfter(now) ? now : command.ts();
            AgentEvent event = new AgentEvent(command.agent(), command.status(), ts, command.threadId(),
                    command.threadName(), command.lastUserPrompt(), command.unseen(), command.paneId(),
                    command.projectDir());
            // The thread is looked up once, for both questions; the tracker looks again to record it.
            AgentThread existing = state.agents().find(event.key()).orElse(null);
            if (existing != null && AgentTracker.supersedes(existing, event)) {
                return Change.of(state, new AgentEventOutcome.Superseded(session.get()));
            }
            AgentStatus before = existing == null ? null : existing.status();
            AgentTracker after = state.agents().record(session.get(), event, state.topology().focusedPanes())
                    .withinCap(session.get(), event.key(), MAX_THREADS_PER_SESSION)
                    .orElseThrow(() -> new LimitExceeded("too many agent threads in session " + session.get().value()
                            + " (at most " + MAX_THREADS_PER_SESSION + ", all of them live)"));
            if (before != event.status()) {
                // The row was just recorded in this session: one lookup, not one per session.
                boolean unseen = after.find(session.get(), event.key()).map(AgentThread::unseen).orElse(false);
                transitions.record(new StatusTransition(session.get(), event.key(), before, event.status(), ts, unseen));
            }
            return Change.of(state.withAgents(after), new AgentEventOutcome.Recorded(session.get()));
        });
    }
}
