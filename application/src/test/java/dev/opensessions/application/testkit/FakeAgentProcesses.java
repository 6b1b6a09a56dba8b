package dev.opensessions.application.testkit;

import dev.opensessions.application.port.out.AgentProcessReader;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Agent processes set by hand; counts its readings and signals a change when told to. */
public final class FakeAgentProcesses implements AgentProcessReader {

    private volatile List<RunningAgent> living = List.of();
    private volatile boolean known = true;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final AtomicInteger readings = new AtomicInteger();

    @Override
    public Optional<List<RunningAgent>> living(Set<String> agents) {
        readings.incrementAndGet();
        return known ? Optional.of(living.stream().filter(p -> agents.contains(p.agent())).toList())
                : Optional.empty();
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    /** Sets the processes without telling anyone, as a process that ends in the background would. */
    public void set(RunningAgent... processes) {
        living = List.of(processes);
    }

    /** Sets the processes and signals the change, as a pane whose program changed does. */
    public void change(RunningAgent... processes) {
        set(processes);
        listeners.forEach(Runnable::run);
    }

    public void unknown() {
        known = false;
    }

    public int readings() {
        return readings.get();
    }
}
