package dev.opensessions.adapters.tmux;

import dev.opensessions.adapters.tmux.ports.ProcAgentProcesses;
import dev.opensessions.application.port.out.AgentProcessReader;
import dev.opensessions.domain.agent.screen.AgentProgram;
import dev.opensessions.domain.session.PaneId;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The agent programs in the panes of this tmux server: the pane processes come from the model tmux keeps up
 * to date, the trees below them from /proc. The change signal follows the model: a pane that appears, goes,
 * or runs another foreground program (tmux reports each through the control connection) may have started or
 * ended an agent. Nothing is read until asked, and nothing runs on a timer.
 */
public final class TmuxAgentProcesses implements AgentProcessReader, AutoCloseable {

    private final TmuxModel model;
    private final ProcAgentProcesses proc;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private Runnable unsubscribe;
    private Map<String, String> programs = Map.of();

    TmuxAgentProcesses(TmuxModel model, Path procRoot, List<AgentProgram> rules) {
        this.model = Objects.requireNonNull(model, "model");
        this.proc = new ProcAgentProcesses(procRoot, rules);
    }

    /** Recognises the programs these screen rules name from now on, in place of the ones given at start. */
    public void programs(List<AgentProgram> programs) {
        proc.programs(programs);
        listeners.forEach(Runnable::run);
    }

    @Override
    public Optional<List<RunningAgent>> living(Set<String> agents) {
        if (!proc.available()) {
            return Optional.empty();
        }
        Map<PaneId, Long> roots = new HashMap<>();
        for (TmuxPane pane : model.current().panes()) {
            if (!pane.sidebar() && pane.pid() > 0 && PaneId.isValid(pane.id())) {
                roots.put(PaneId.of(pane.id()), pane.pid());
            }
        }
        return Optional.of(proc.living(roots, agents));
    }

    @Override
    public synchronized void onChange(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        if (unsubscribe == null) {
            unsubscribe = model.subscribe(this::follow);
        }
    }

    private void follow(TmuxSnapshot snapshot) {
        Map<String, String> now = new HashMap<>();
        for (TmuxPane pane : snapshot.panes()) {
            if (!pane.sidebar()) {
                now.put(pane.id(), pane.pid() + " " + pane.command());
            }
        }
        boolean changed;
        synchronized (this) {
            changed = !now.equals(programs);
            programs = now;
        }
        if (changed) {
            listeners.forEach(Runnable::run);
        }
    }

    @Override
    public synchronized void close() {
        if (unsubscribe != null) {
            unsubscribe.run();
        }
    }
}
