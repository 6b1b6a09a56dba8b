package dev.opensessions.application.service;

import dev.opensessions.application.port.in.AgentEventOutcome;
import dev.opensessions.application.port.in.ExplainAgentsUseCase.AgentExplanation;
import dev.opensessions.application.port.in.RecordAgentEventUseCase;
import dev.opensessions.application.state.Change;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.AgentTracker;
import dev.opensessions.domain.agent.Evidence;
import dev.opensessions.domain.agent.ThreadKey;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;

import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The rows of agents seen only in a pane: an agent pane whose agent no thread source (records, hooks, events)
 * speaks for gets a row of its own, keyed by its pane ({@code gemini:pane:%5}), with the status its screen
 * reads as. A working or waiting agent whose screen turns idle has finished its turn ({@code done}, unseen
 * unless its pane is looked at). The row goes when the agent's process leaves the pane, and gives way to the
 * thread's own row as soon as a source speaks for the same pane. Not thread-safe: its owner guards it.
 */
final class PaneAgentRows {

    /** Thread ids of pane rows start with this. */
    static final String PREFIX = "pane:";

    private final StateOwner owner;
    private final RecordAgentEventUseCase recorder;
    private final Clock clock;
    private final Map<PaneId, Row> rows = new HashMap<>();

    PaneAgentRows(StateOwner owner, RecordAgentEventUseCase recorder, Clock clock) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.recorder = Objects.requireNonNull(recorder, "recorder");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    static ThreadKey key(String agent, PaneId pane) {
        return ThreadKey.of(agent, PREFIX + pane.value());
    }

    static boolean paneRow(AgentThread row) {
        return row.threadId() != null && row.threadId().startsWith(PREFIX);
    }

    /**
     * Brings the rows in line with the agent panes' screens.
     *
     * @param screens   what each agent pane shows
     * @param hasThread whether a thread source speaks for the agent in that pane
     */
    void reconcile(Map<PaneId, PaneScreen> screens, Predicate<PaneScreen> hasThread) {
        if (screens.isEmpty() && rows.isEmpty() && owner.current().agents().threads().stream().noneMatch(PaneAgentRows::paneRow)) {
            return;
        }
        for (Map.Entry<PaneId, PaneScreen> entry : screens.entrySet()) {
            if (hasThread.test(entry.getValue())) {
                drop(entry.getKey());
            } else {
                upsert(entry.getKey(), entry.getValue());
            }
        }
        for (PaneId pane : List.copyOf(rows.keySet())) {
            if (!screens.containsKey(pane)) {
                drop(pane);
            }
        }
        dropOrphans();
    }

    /** The stories of the pane rows, for {@code /debug/agents}. */
    List<AgentExplanation> explain() {
        return rows.values().stream().map(row -> {
            Optional<AgentThread> tracked = owner.current().agents().find(row.key());
            PaneScreen screen = row.screen();
            String read = screen.shown().map(r -> r.state().wireName()).orElse("nothing");
            String why = screen.shown().map(r -> "the screen shows " + r.state().wireName() + " by rule "
                    + screen.rule().agent() + "; no thread source speaks for " + screen.agent().describe())
                    .orElse("no pattern of rule " + screen.rule().agent() + " matches; "
                            + screen.agent().describe() + " lives");
            return new AgentExplanation(row.key().value(), screen.agent().agent(), row.session().value(),
                    tracked.map(t -> t.status().wireName()).orElse(row.status().wireName()), read, "screen",
                    "pane " + screen.agent().pane() + ", rule " + screen.rule().agent(),
                    screen.shown().map(r -> r.matched()).orElse(List.of()), "pane " + screen.agent().pane(),
                    tracked.map(AgentThread::unseen).orElse(false),
                    tracked.map(t -> t.updatedAt().toString()).orElse(""), Evidence.SCREEN.wireName(), why);
        }).toList();
    }

    /** The keys of the rows this keeps. */
    Set<ThreadKey> keys() {
        return rows.values().stream().map(Row::key).collect(Collectors.toSet());
    }

    private void upsert(PaneId pane, PaneScreen screen) {
        Row before = rows.get(pane);
        ThreadKey key = key(screen.agent().agent(), pane);
        if (before != null && !before.key().equals(key)) {
            drop(pane);
            before = null;
        }
        SessionName session = owner.current().topology().ownerOfPane(pane);
        if (session == null) {
            return;
        }
        boolean tracked = owner.current().agents().find(key).isPresent();
        AgentStatus status = status(tracked ? before : null, screen);
        if (before != null && tracked && before.status() == status && before.session().equals(session)) {
            rows.put(pane, new Row(key, session, status, screen));
            return;
        }
        AgentEventOutcome outcome = recorder.record(new RecordAgentEventUseCase.Command(screen.agent().agent(),
                status, session, screen.agent().cwd(), PREFIX + pane.value(), screen.rule().name(), null,
                clock.instant(), null, pane));
        if (outcome instanceof AgentEventOutcome.Recorded recorded) {
            rows.put(pane, new Row(key, recorded.session(), status, screen));
        }
    }

    /** Idle after working or waiting is a finished turn; finished stays finished until new work shows. */
    private static AgentStatus status(Row before, PaneScreen screen) {
        AgentStatus read = screen.shown().map(r -> r.state().status()).orElse(AgentStatus.IDLE);
        boolean wasBusy = before != null && (before.status() == AgentStatus.RUNNING
                || before.status() == AgentStatus.WAITING || before.status() == AgentStatus.DONE);
        return read == AgentStatus.IDLE && wasBusy ? AgentStatus.DONE : read;
    }

    private void drop(PaneId pane) {
        Row row = rows.remove(pane);
        if (row != null) {
            dismiss(row.session(), row.key());
        }
    }

    /** Pane rows this does not keep: left from before a restart, or moved with a renamed session. */
    private void dropOrphans() {
        Set<ThreadKey> kept = keys();
        for (AgentThread row : owner.current().agents().threads()) {
            if (paneRow(row) && !kept.contains(row.key())) {
                dismiss(row.session(), row.key());
            }
        }
    }

    private void dismiss(SessionName session, ThreadKey key) {
        owner.apply(state -> {
            AgentTracker next = state.agents().dismiss(session, key);
            return Change.of(next.equals(state.agents()) ? state : state.withAgents(next), null);
        });
    }

    /** One pane row as last recorded. */
    private record Row(ThreadKey key, SessionName session, AgentStatus status, PaneScreen screen) {
    }
}
