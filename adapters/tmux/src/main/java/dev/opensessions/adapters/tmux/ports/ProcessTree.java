package dev.opensessions.adapters.tmux.ports;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/** The parent of every live process, read once per scan, used to find what descends from a pane's shell. */
final class ProcessTree {

    private final Map<Long, List<Long>> children = new HashMap<>();

    /** @param parentOf pid to parent pid */
    ProcessTree(Map<Long, Long> parentOf) {
        parentOf.forEach((pid, parent) -> children.computeIfAbsent(parent, key -> new ArrayList<>()).add(pid));
    }

    /** The root and all its descendants; a root that is not alive is still its own subtree. */
    Set<Long> subtree(long root) {
        Set<Long> seen = new LinkedHashSet<>();
        Deque<Long> open = new ArrayDeque<>(List.of(root));
        while (!open.isEmpty()) {
            long pid = open.pop();
            // The set guards against a cycle, which a pid reused between two reads could fake.
            if (seen.add(pid)) {
                open.addAll(children.getOrDefault(pid, List.of()));
            }
        }
        return seen;
    }

    /** Every pid in the subtrees of the roots. */
    Set<Long> subtrees(Set<Long> roots) {
        Set<Long> all = new LinkedHashSet<>();
        roots.forEach(root -> all.addAll(subtree(root)));
        return all;
    }

    /** The ports of every root's subtree, from the ports each pid owns; ports seen twice count once. */
    Map<Long, SortedSet<Integer>> portsPerRoot(Set<Long> roots, Map<Long, Set<Integer>> portsByPid) {
        Map<Long, SortedSet<Integer>> result = new HashMap<>();
        for (long root : roots) {
            TreeSet<Integer> ports = new TreeSet<>();
            for (long pid : subtree(root)) {
                ports.addAll(portsByPid.getOrDefault(pid, Set.of()));
            }
            result.put(root, Collections.unmodifiableSortedSet(ports));
        }
        return Collections.unmodifiableMap(result);
    }
}
