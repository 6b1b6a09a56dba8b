package dev.opensessions.application.service;

import dev.opensessions.domain.session.PaneId;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Future;

/**
 * One show's warm-up bookkeeping (docs/reference/sidebar.md#shown-or-hidden): the windows to fill in spawn order, the
 * panes opened and not yet connected, and the windows given up on. Not thread-safe: its owner guards it.
 */
final class SidebarWarmup {

    private final List<String> targets;
    private final Map<PaneId, String> awaiting = new LinkedHashMap<>();
    private final List<String> failed = new ArrayList<>();
    private final List<Future<?>> timers = new ArrayList<>();
    private int spawned;

    SidebarWarmup(List<String> targets) {
        this.targets = List.copyOf(targets);
    }

    List<String> targets() {
        return targets;
    }

    /** Notes that the target's spawn ran: the pane it opened, or none when the window had one or is gone. */
    void spawned(String window, PaneId pane) {
        if (pane != null) {
            awaiting.put(pane, window);
        }
        spawned++;
    }

    /** The target's spawn ran and failed. */
    void spawnFailed(String window) {
        failed.add(window);
        spawned++;
    }

    boolean allSpawned() {
        return spawned == targets.size();
    }

    /** True when the pane was one this warm-up opened and still waited for. */
    boolean identified(PaneId pane) {
        return awaiting.remove(pane) != null;
    }

    boolean awaitingAny() {
        return !awaiting.isEmpty();
    }

    /** Stops waiting for panes whose window is no longer among the live ones: vanished, not failed. */
    void dropVanished(Set<String> liveWindows) {
        awaiting.values().removeIf(window -> !liveWindows.contains(window));
    }

    /** Gives up on every pane still awaited. */
    void timeOut() {
        failed.addAll(awaiting.values());
        awaiting.clear();
    }

    boolean done() {
        return allSpawned() && awaiting.isEmpty();
    }

    List<String> failed() {
        return List.copyOf(failed);
    }

    void track(Future<?> timer) {
        timers.add(timer);
    }

    /** Cancels the spawns not yet run and the deadline, so nothing stays scheduled once it is over. */
    void cancelTimers() {
        timers.forEach(timer -> timer.cancel(false));
        timers.clear();
    }
}
