package dev.opensessions.adapters.persistence;

import dev.opensessions.application.port.out.StatusHistoryStore;
import dev.opensessions.domain.agent.SeenMark;
import dev.opensessions.domain.agent.StatusTransition;
import dev.opensessions.domain.session.SessionName;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Keeps the bounded agent status history for the life of the process, one ring per session. */
final class InMemoryStatusHistoryStore implements StatusHistoryStore {

    private final Map<SessionName, Deque<StatusTransition>> history = new HashMap<>();
    private final Map<SessionName, Deque<SeenMark>> seen = new HashMap<>();

    @Override
    public synchronized void append(List<StatusTransition> transitions) {
        for (StatusTransition transition : List.copyOf(transitions)) {
            Deque<StatusTransition> ring = history.computeIfAbsent(transition.session(), s -> new ArrayDeque<>());
            ring.addFirst(transition);
            if (ring.size() > CAPACITY_PER_SESSION) {
                ring.removeLast();
            }
        }
    }

    @Override
    public synchronized void appendSeen(List<SeenMark> marks) {
        for (SeenMark mark : List.copyOf(marks)) {
            Deque<SeenMark> ring = seen.computeIfAbsent(mark.session(), s -> new ArrayDeque<>());
            ring.addFirst(mark);
            if (ring.size() > CAPACITY_PER_SESSION) {
                ring.removeLast();
            }
        }
    }

    @Override
    public synchronized List<StatusTransition> transitionsSince(Instant since) {
        return history.values().stream().flatMap(Deque::stream).filter(t -> !t.at().isBefore(since))
                .sorted(Comparator.comparing(StatusTransition::at)).toList();
    }

    @Override
    public synchronized List<SeenMark> seenSince(Instant since) {
        return seen.values().stream().flatMap(Deque::stream).filter(m -> !m.at().isBefore(since))
                .sorted(Comparator.comparing(SeenMark::at)).toList();
    }

    @Override
    public synchronized List<StatusTransition> recent(SessionName session, int limit) {
        Objects.requireNonNull(session, "session");
        Deque<StatusTransition> ring = history.get(session);
        if (ring == null || limit <= 0) {
            return List.of();
        }
        return ring.stream().limit(limit).toList();
    }
}
