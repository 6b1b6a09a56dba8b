package dev.opensessions.application.port.in;

import dev.opensessions.domain.session.SessionName;

import java.util.List;
import java.util.Optional;

/**
 * Says why each agent row is what it is ({@code GET /debug/agents}, {@code bin/opensessions explain}): its
 * source, where it was read, which kind of evidence decided its status and the entries behind it, how it was
 * mapped to its session, and its unseen state.
 */
public interface ExplainAgentsUseCase {

    /** Every agent row, or only those of one session. */
    List<AgentExplanation> explain(Optional<SessionName> session);

    /**
     * One row's story.
     *
     * @param key        the tracker key ({@code agent:threadId})
     * @param session    the session it was mapped to, null when it could not be
     * @param status     the status shown, after the heuristics
     * @param readStatus the status the source read, before the heuristics
     * @param source     {@code watcher}, {@code http} or {@code plugin:<name>}
     * @param origin     file, database or pane it came from
     * @param evidence   the entries that decided the status
     * @param mapping    how the session was found ({@code pane %3}, {@code directory /a/b}, {@code prefix /a},
     *                   {@code encoded -a-b}, {@code unresolved})
     * @param decidedBy  the kind of evidence that won: {@code hook}, {@code transcript}, {@code screen} or
     *                   {@code process}
     * @param why        that evidence in a sentence
     */
    record AgentExplanation(String key, String agent, String session, String status, String readStatus,
                            String source, String origin, List<String> evidence, String mapping,
                            boolean unseen, String updatedAt, String decidedBy, String why) {
        public AgentExplanation {
            evidence = List.copyOf(evidence);
        }
    }
}
