package dev.opensessions.application.service;

import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.domain.agent.AgentProcess;
import dev.opensessions.domain.agent.AgentTruth;
import dev.opensessions.domain.agent.ProcessLook;
import dev.opensessions.domain.session.PaneId;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;

/**
 * What the agent panes show, seen from the threads the sources report: the screen that speaks for a thread
 * (its own pane's, else that of the agent process it matches), and whether a thread speaks for the agent in
 * a pane (then the pane gets no row of its own).
 */
final class ThreadScreens {

    private final StateOwner owner;
    private final AgentLiveness liveness;
    private volatile Map<PaneId, PaneScreen> screens = Map.of();

    ThreadScreens(StateOwner owner, AgentLiveness liveness) {
        this.owner = Objects.requireNonNull(owner, "owner");
        this.liveness = Objects.requireNonNull(liveness, "liveness");
    }

    void set(Map<PaneId, PaneScreen> shown) {
        screens = Map.copyOf(shown);
    }

    Map<PaneId, PaneScreen> all() {
        return screens;
    }

    /** What the thread's pane shows, when a screen rule reads it and it shows something; else null. */
    AgentTruth.Shown shown(AgentObservation observation, ProcessLook look) {
        PaneId pane = observation.paneId() != null ? observation.paneId()
                : look.alive() ? look.process().pane() : null;
        PaneScreen screen = pane == null ? null : screens.get(pane);
        if (screen == null || !screen.agent().agent().equals(observation.agent())) {
            return null;
        }
        return screen.evidence().orElse(null);
    }

    /** Whether a thread (watched, or pushed with its pane) speaks for the agent in this pane. */
    boolean spokenFor(PaneScreen screen, Collection<WatchedThread> threads) {
        String agent = screen.agent().agent();
        PaneId pane = screen.agent().pane();
        for (WatchedThread thread : threads) {
            if (thread.observation().agent().equals(agent) && pane.equals(paneOf(thread))) {
                return true;
            }
        }
        return owner.current().agents().threads().stream().anyMatch(row -> row.agent().equals(agent)
                && pane.equals(row.paneId()) && !PaneAgentRows.paneRow(row));
    }

    private PaneId paneOf(WatchedThread thread) {
        AgentObservation observation = thread.observation();
        if (observation.paneId() != null) {
            return observation.paneId();
        }
        return liveness.latest().match(observation.agent(), null, thread.mapping().session(),
                observation.projectDir()).map(AgentProcess::pane).orElse(null);
    }
}
