package dev.opensessions.application.service;

import dev.opensessions.application.port.in.ExplainAgentsUseCase.AgentExplanation;
import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.domain.agent.AgentMapping;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.Evidence;
import dev.opensessions.domain.agent.ThreadKey;
import dev.opensessions.domain.session.SessionName;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Tells each agent row's story for {@code /debug/agents}: every tracker row (from a watcher, or pushed over
 * HTTP when no watcher produced it) and every watched thread that has no row (unresolved or idle).
 */
final class AgentExplanations {

    static final String WATCHER = "watcher";
    static final String HTTP = "http";

    private AgentExplanations() {
    }

    static List<AgentExplanation> of(StateSnapshot snapshot, List<WatchedThread> watched,
                                     Optional<SessionName> only) {
        return of(snapshot, watched, List.of(), only);
    }

    /** @param panes the stories of the rows of agents seen only in a pane */
    static List<AgentExplanation> of(StateSnapshot snapshot, List<WatchedThread> watched,
                                     List<AgentExplanation> panes, Optional<SessionName> only) {
        Map<ThreadKey, WatchedThread> byKey = new HashMap<>();
        watched.forEach(w -> byKey.put(w.trackerKey(), w));
        Map<String, AgentExplanation> paneRows = new HashMap<>();
        panes.forEach(p -> paneRows.put(p.key(), p));
        List<AgentExplanation> rows = new ArrayList<>();
        for (AgentThread row : snapshot.agents().threads()) {
            AgentExplanation pane = paneRows.get(row.key().value());
            if (pane != null) {
                rows.add(pane);
                continue;
            }
            WatchedThread source = byKey.remove(row.key());
            rows.add(source != null && source.emitted() != null ? fromWatcher(row, source) : fromHttp(snapshot, row));
        }
        byKey.values().forEach(w -> rows.add(withoutRow(w)));
        return rows.stream()
                .filter(r -> only.isEmpty() || only.get().value().equals(r.session()))
                .sorted(Comparator.comparing(AgentExplanation::session, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(AgentExplanation::key))
                .toList();
    }

    private static AgentExplanation fromWatcher(AgentThread row, WatchedThread source) {
        boolean newerEvent = row.updatedAt().isAfter(source.observation().lastActivity())
                && row.status() != source.shown();
        String decidedBy = newerEvent ? Evidence.HOOK.wireName() : source.verdict().evidence().wireName();
        String why = newerEvent ? saidByEvent(row) : source.verdict().why();
        return new AgentExplanation(row.key().value(), row.agent(), row.session().value(), row.status().wireName(),
                source.observation().status().wireName(), WATCHER, source.observation().origin(),
                source.observation().evidence(), source.mapping().how(), row.unseen(), row.updatedAt().toString(),
                decidedBy, why);
    }

    /** A pushed row carries no evidence; its mapping is worked out again from what it reported. */
    private static AgentExplanation fromHttp(StateSnapshot snapshot, AgentThread row) {
        AgentMapping mapping = AgentMapping.of(snapshot.topology(), row.paneId(), row.projectDir());
        String how = mapping.resolved() ? mapping.how() : "session " + row.session();
        String origin = row.paneId() == null ? "" : "pane " + row.paneId();
        return new AgentExplanation(row.key().value(), row.agent(), row.session().value(), row.status().wireName(),
                row.status().wireName(), HTTP, origin, List.of(), how, row.unseen(), row.updatedAt().toString(),
                Evidence.HOOK.wireName(), saidByEvent(row));
    }

    private static String saidByEvent(AgentThread row) {
        return "an event said " + row.status().wireName() + " at " + row.updatedAt();
    }

    private static AgentExplanation withoutRow(WatchedThread thread) {
        SessionName session = thread.mapping().session();
        return new AgentExplanation(thread.trackerKey().value(), thread.observation().agent(),
                session == null ? null : session.value(), thread.shown().wireName(),
                thread.observation().status().wireName(), WATCHER, thread.observation().origin(),
                thread.observation().evidence(), thread.mapping().how(), false,
                thread.observation().lastActivity().toString(), thread.verdict().evidence().wireName(),
                thread.verdict().why());
    }
}
