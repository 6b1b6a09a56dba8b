package dev.opensessions.adapters.tmux.ports;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;

/** A stand-in for the system that answers each scan from a script and records when and for what it was asked. */
final class ScriptedPorts implements ListeningPorts {

    final List<Long> startedAt = new CopyOnWriteArrayList<>();
    final List<Set<Long>> rootsAsked = new CopyOnWriteArrayList<>();
    private final IntFunction<Map<Long, SortedSet<Integer>>> answer;

    /** @param answer the result of the n-th scan (0-based); it may throw to act as a failed scan */
    ScriptedPorts(IntFunction<Map<Long, SortedSet<Integer>>> answer) {
        this.answer = answer;
    }

    static Map<Long, SortedSet<Integer>> result(long root, Integer... ports) {
        return Map.of(root, new TreeSet<>(List.of(ports)));
    }

    int scans() {
        return startedAt.size();
    }

    @Override
    public Map<Long, SortedSet<Integer>> scan(Set<Long> rootPids) {
        rootsAsked.add(rootPids);
        startedAt.add(System.nanoTime());
        return answer.apply(startedAt.size() - 1);
    }
}
