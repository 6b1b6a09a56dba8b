package dev.opensessions.domain.agent;

import dev.opensessions.domain.session.SessionName;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * When agent rows expire: running rows without an update for a while are stuck, unless their agent process
 * still lives; finished rows go after a while, sooner once seen.
 */
final class AgentExpiry {

    private AgentExpiry() {
    }

    /**
     * The instant the row expires, or null for a row that never does (waiting, idle, or working while its
     * process lives).
     */
    static Instant of(AgentThread thread, Predicate<AgentThread> processLives) {
        if (thread.status().isWorking()) {
            if (processLives.test(thread)) {
                return null;
            }
            return thread.updatedAt().plus(AgentTracker.STUCK_RUNNING);
        }
        if (thread.status().isTerminal()) {
            return thread.updatedAt().plus(thread.unseen() ? AgentTracker.UNSEEN_TERMINAL : AgentTracker.SEEN_TERMINAL);
        }
        return null;
    }

    /**
     * The earliest expiry of all rows, or null. It runs after every state change, so it allocates nothing
     * per row: rows of one lifetime expire in the order they were updated, so only the oldest update of
     * each of the three lifetimes is kept, and the lifetimes are added once at the end.
     */
    static Instant earliest(Map<SessionName, SessionAgents> sessions, Predicate<AgentThread> processLives) {
        Instant working = null;
        Instant seen = null;
        Instant unseen = null;
        for (SessionAgents agents : sessions.values()) {
            for (AgentThread thread : agents.threads().values()) {
                Instant at = thread.updatedAt();
                if (thread.status().isWorking()) {
                    if (!processLives.test(thread)) {
                        working = older(working, at);
                    }
                } else if (thread.status().isTerminal()) {
                    if (thread.unseen()) {
                        unseen = older(unseen, at);
                    } else {
                        seen = older(seen, at);
                    }
                }
            }
        }
        Instant next = plus(working, AgentTracker.STUCK_RUNNING);
        next = earlier(next, plus(seen, AgentTracker.SEEN_TERMINAL));
        return earlier(next, plus(unseen, AgentTracker.UNSEEN_TERMINAL));
    }

    private static Instant older(Instant kept, Instant candidate) {
        return kept == null || candidate.isBefore(kept) ? candidate : kept;
    }

    private static Instant plus(Instant at, Duration lifetime) {
        return at == null ? null : at.plus(lifetime);
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null ? a : older(a, b);
    }

    /** The sessions without the rows expired at {@code now}, or null when none has expired. */
    static Map<SessionName, SessionAgents> pruned(Map<SessionName, SessionAgents> sessions, Instant now,
                                                  Predicate<AgentThread> processLives) {
        Map<SessionName, SessionAgents> next = new HashMap<>();
        boolean changed = false;
        for (Map.Entry<SessionName, SessionAgents> entry : sessions.entrySet()) {
            Map<ThreadKey, AgentThread> kept = new HashMap<>();
            entry.getValue().threads().forEach((key, thread) -> {
                Instant expiry = of(thread, processLives);
                if (expiry == null || now.isBefore(expiry)) {
                    kept.put(key, thread);
                }
            });
            changed |= kept.size() != entry.getValue().threads().size();
            if (!kept.isEmpty()) {
                next.put(entry.getKey(), new SessionAgents(kept, entry.getValue().eventTimestamps()));
            }
        }
        return changed ? next : null;
    }
}
