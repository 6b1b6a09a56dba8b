package dev.opensessions.adapters.http;

import dev.opensessions.application.port.in.ExplainAgentsUseCase;
import dev.opensessions.domain.session.SessionName;

import java.util.List;
import java.util.Optional;

/** Explains the rows a test sets, filtered by session as the watch service does, and remembers the last query. */
public final class FakeExplainAgents implements ExplainAgentsUseCase {

    private volatile List<AgentExplanation> rows = List.of();
    private volatile Optional<SessionName> lastQuery;

    public void set(List<AgentExplanation> value) {
        rows = List.copyOf(value);
    }

    public Optional<SessionName> lastQuery() {
        return lastQuery;
    }

    @Override
    public List<AgentExplanation> explain(Optional<SessionName> session) {
        lastQuery = session;
        return rows.stream().filter(r -> session.isEmpty() || session.get().value().equals(r.session())).toList();
    }
}
