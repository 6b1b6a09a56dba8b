package dev.opensessions.application.port.out;

import dev.opensessions.domain.agent.SeenMark;
import dev.opensessions.domain.agent.StatusTransition;
import dev.opensessions.domain.session.SessionName;

import java.time.Instant;
import java.util.List;

/** Keeps a bounded history of agent status transitions, and of the moments the user looked at a finished thread. */
public interface StatusHistoryStore {

    /** How many transitions, and how many seen marks, are kept per session; older ones are dropped. */
    int CAPACITY_PER_SESSION = 500;

    void append(List<StatusTransition> transitions);

    void appendSeen(List<SeenMark> marks);

    /** The newest transitions of a session, newest first, at most {@code limit}. */
    List<StatusTransition> recent(SessionName session, int limit);

    /** Every kept transition at or after {@code since}, oldest first. */
    List<StatusTransition> transitionsSince(Instant since);

    /** Every kept seen mark at or after {@code since}, oldest first. */
    List<SeenMark> seenSince(Instant since);

    /** The kept transitions of one session at or after {@code since}, oldest first. */
    default List<StatusTransition> transitionsSince(Instant since, SessionName session) {
        return transitionsSince(since).stream().filter(t -> t.session().equals(session)).toList();
    }

    /** The kept seen marks of one session at or after {@code since}, oldest first. */
    default List<SeenMark> seenSince(Instant since, SessionName session) {
        return seenSince(since).stream().filter(m -> m.session().equals(session)).toList();
    }
}
