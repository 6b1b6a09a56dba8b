package dev.opensessions.application.service;

import dev.opensessions.application.port.in.AgentEventOutcome;
import dev.opensessions.application.port.in.LimitExceeded;
import dev.opensessions.application.port.in.RecordAgentEventUseCase;
import dev.opensessions.application.state.Change;
import dev.opensessions.application.state.ServerState;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.domain.agent.AgentEvent;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.AgentTracker;
import dev.opensessions.domain.agent.StatusTransition;
import dev.opensessions.domain.agent.ThreadKey;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.SessionResolver;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
            // Under the owner's lock, as in a batch: the times taken as now follow the order of application.
            AgentEvent event = event(command);
            return apply(state, command, event, event.key());
        });
    }

    /**
     * As few {@link StateOwner#apply}s as the batch allows: each report is applied to the state the one before
     * left, and listeners see one snapshot for a run of reports about different threads. A report about a thread
     * an earlier report of the same run changed starts a new run, so listeners see every status a thread passed
     * through (a wait for {@code done} is met even when the same batch moves the thread on); the transitions are
     * noted one by one, in order, as by {@link #record}.
     */
    @Override
    public List<BatchOutcome> recordAll(List<Command> commands) {
        List<BatchOutcome> outcomes = new ArrayList<>(commands.size());
        while (outcomes.size() < commands.size()) {
            owner.apply(state -> {
                ServerState current = state;
                // The keys of this run: a batch holds what one turn of an event loop read, a few reports.
                List<ThreadKey> run = new ArrayList<>(Math.min(16, commands.size() - outcomes.size()));
                while (outcomes.size() < commands.size()) {
                    Command command = commands.get(outcomes.size());
                    AgentEvent event = event(command);
                    ThreadKey key = event.key();
                    if (run.contains(key)) {
                        break;
                    }
                    run.add(key);
                    try {
                        Change<AgentEventOutcome> change = apply(current, command, event, key);
                        current = change.state();
                        outcomes.add(new Taken(change.result()));
                    } catch (LimitExceeded exceeded) {
                        outcomes.add(new Refused(exceeded));
                    }
                }
                return Change.of(current, null);
            });
        }
        return outcomes;
    }

    /** The report as the tracker takes it, its time taken now when absent. */
    private AgentEvent event(Command command) {
        // A time ahead of the server's clock is a client's mistake (seconds taken for millis, a skewed
        // clock); kept as it is, it would make every later report of the thread look older and be dropped.
        Instant now = owner.clock().instant();
        Instant ts = command.ts() == null || command.ts().isAfter(now) ? now : command.ts();
        return new AgentEvent(command.agent(), command.status(), ts, command.threadId(),
                command.threadName(), command.lastUserPrompt(), command.unseen(), command.paneId(),
                command.projectDir());
    }

    /** Applies one report to the state; {@code key} is the event's (built once: each {@code key()} makes a new one). */
    private Change<AgentEventOutcome> apply(ServerState state, Command command, AgentEvent event, ThreadKey key) {
        Optional<SessionName> session = SessionResolver.resolve(
                state.topology(), command.paneId(), command.projectDir(), command.tmuxSession());
        if (session.isEmpty()) {
            return Change.of(state, new AgentEventOutcome.Unresolved());
        }
        // The thread is looked up once, for both questions and for the tracker to record it; first in the session
        // the report resolves to, where its row nearly always is.
        AgentThread existing = state.agents().find(key, session.get()).orElse(null);
        if (existing != null && AgentTracker.supersedes(existing, event)) {
            return Change.of(state, new AgentEventOutcome.Superseded(session.get()));
        }
        AgentStatus before = existing == null ? null : existing.status();
        AgentTracker after = state.agents().record(session.get(), event, key, existing, state.topology().focusedPanes())
                .withinCap(session.get(), key, MAX_THREADS_PER_SESSION)
                .orElseThrow(() -> new LimitExceeded("too many agent threads in session " + session.get().value()
                        + " (at most " + MAX_THREADS_PER_SESSION + ", all of them live)"));
        if (before != event.status()) {
            // The row was just recorded in this session: one lookup, not one per session.
            boolean unseen = after.find(session.get(), key).map(AgentThread::unseen).orElse(false);
            transitions.record(new StatusTransition(session.get(), key, before, event.status(), event.ts(),
                    unseen));
        }
        return Change.of(state.withAgents(after), new AgentEventOutcome.Recorded(session.get()));
    }
}
