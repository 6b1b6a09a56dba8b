package dev.opensessions.adapters.http;

import dev.opensessions.application.port.in.ExplainAgentsUseCase.AgentExplanation;

import java.util.List;

/**
 * The wire shape of {@code GET /debug/agents}: the session asked about (null for all) and why each agent
 * row is what it is.
 */
public record AgentDiagnosticsView(String session, List<Row> agents) {

    public AgentDiagnosticsView {
        agents = List.copyOf(agents);
    }

    static AgentDiagnosticsView of(String session, List<AgentExplanation> explanations) {
        return new AgentDiagnosticsView(session, explanations.stream().map(Row::of).toList());
    }

    /**
     * One agent row: its tracker key, session (null when unresolved), the status shown and the one the
     * source read, where it came from, the entries that decided it, how it was mapped, its unseen state, and
     * which kind of evidence won ({@code hook}, {@code transcript}, {@code screen}, {@code process}) and why.
     */
    public record Row(String key, String agent, String session, String status, String readStatus, String source,
                      String origin, List<String> evidence, String mapping, boolean unseen, String updatedAt,
                      String decidedBy, String why) {

        public Row {
            evidence = List.copyOf(evidence);
        }

        static Row of(AgentExplanation e) {
            return new Row(e.key(), e.agent(), e.session(), e.status(), e.readStatus(), e.source(), e.origin(),
                    e.evidence(), e.mapping(), e.unseen(), e.updatedAt(), e.decidedBy(), e.why());
        }
    }
}
