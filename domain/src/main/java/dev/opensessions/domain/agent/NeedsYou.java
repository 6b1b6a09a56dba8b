package dev.opensessions.domain.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The agent threads that need the user, in the order a jump visits them (docs/reference/key-bindings.md#jump):
 * first every thread {@code waiting} for the user, the one that has waited longest first; then every thread
 * whose {@code done}, {@code error} or {@code interrupted} the user has not seen yet, oldest first. "Longest"
 * is measured from when the thread entered its status ({@link AgentThread#since()}). Exited agents whose end
 * was seen are not listed (they are not shown either).
 */
public final class NeedsYou {

    private static final Comparator<AgentThread> OLDEST_FIRST = Comparator.comparing(AgentThread::since)
            .thenComparing(t -> t.session().value())
            .thenComparing(t -> t.key().value());

    private NeedsYou() {
    }

    /** The threads that need the user, in jump order. */
    public static List<AgentThread> queue(Collection<AgentThread> threads) {
        return threads.stream()
                .filter(AgentThread::visible)
                .filter(NeedsYou::needsYou)
                .sorted(Comparator.comparing((AgentThread t) -> t.status() != AgentStatus.WAITING).thenComparing(OLDEST_FIRST))
                .toList();
    }

    /** True for a thread waiting for the user, or one that ended (done, error, interrupted) without being seen. */
    public static boolean needsYou(AgentThread thread) {
        return switch (thread.status()) {
            case WAITING -> true;
            case DONE, ERROR, INTERRUPTED -> thread.unseen();
            case IDLE, RUNNING, TOOL_RUNNING, STALE -> false;
        };
    }

    /**
     * The thread a jump goes to: the first of the queue not {@code passed} (those this round of jumps already
     * visited, and the one the user looks at); when every one was passed, a new round starts at the head.
     */
    public static Optional<AgentThread> next(List<AgentThread> queue, Set<ThreadKey> passed) {
        return queue.stream().filter(t -> !passed.contains(t.key())).findFirst().or(() -> queue.stream().findFirst());
    }

    /** How long the thread first in line has needed the user at {@code now}; empty when none does. */
    public static Optional<Duration> longestWait(List<AgentThread> queue, Instant now) {
        return queue.stream().map(AgentThread::since).min(Comparator.naturalOrder())
                .map(since -> since.isAfter(now) ? Duration.ZERO : Duration.between(since, now));
    }
}
