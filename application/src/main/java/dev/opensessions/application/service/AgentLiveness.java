package dev.opensessions.application.service;

import dev.opensessions.application.port.out.AgentProcessReader;
import dev.opensessions.application.port.out.AgentProcessReader.RunningAgent;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.domain.agent.AgentProcess;
import dev.opensessions.domain.agent.AgentProcesses;
import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.agent.AgentTruth;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The agent processes last read, read again only when asked for after the panes' programs changed or after
 * {@link AgentTruth#LIVENESS_RECHECK}: a reading costs a walk of the panes' process trees in /proc, so it
 * happens on events and for open threads, never on a timer of its own.
 */
public final class AgentLiveness {

    private static final System.Logger LOG = System.getLogger(AgentLiveness.class.getName());

    private final AgentProcessReader reader;
    private final StateOwner owner;
    private final Clock clock;
    private final Set<String> agents;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private AgentProcesses latest = AgentProcesses.unknown();
    private Instant readAt;
    private boolean dirty = true;
    private long readings;

    /** @param agents the agents to look for: every watched agent and every agent hooks report */
    public AgentLiveness(AgentProcessReader reader, StateOwner owner, Clock clock, Set<String> agents) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.owner = Objects.requireNonNull(owner, "owner");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.agents = Set.copyOf(agents);
    }

    /** Starts listening to the reader's change signal; {@code changed} hears of it after the cache is dropped. */
    public void start() {
        reader.onChange(this::panesChanged);
    }

    /** Runs after the panes' programs may have changed, and after a reading that found other processes. */
    public void onChange(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** The processes now: the cached reading, or a new one when the panes changed or the cache has aged. */
    public AgentProcesses current() {
        AgentProcesses before;
        AgentProcesses after;
        synchronized (this) {
            Instant now = clock.instant();
            if (!dirty && readAt != null && now.isBefore(readAt.plus(AgentTruth.LIVENESS_RECHECK))) {
                return latest;
            }
            before = latest;
            after = read();
            latest = after;
            readAt = now;
            dirty = false;
            readings++;
        }
        if (!after.equals(before)) {
            listeners.forEach(Runnable::run);
        }
        return after;
    }

    /** The last reading, never reading again: for checks that must not touch /proc (the prune timer). */
    public synchronized AgentProcesses latest() {
        return latest;
    }

    /** Whether a row's agent process lived at the last reading. */
    public boolean lives(AgentThread row) {
        return latest().lookFor(row.agent(), row.paneId(), row.session(), row.projectDir()).alive();
    }

    /** How many times processes were read; lets a test prove that nothing is read while idle. */
    public synchronized long readings() {
        return readings;
    }

    private void panesChanged() {
        synchronized (this) {
            dirty = true;
        }
        listeners.forEach(Runnable::run);
    }

    private AgentProcesses read() {
        Optional<List<RunningAgent>> found;
        try {
            found = reader.living(agents);
        } catch (RuntimeException failed) {
            LOG.log(Level.WARNING, "reading agent processes failed: " + failed.getMessage());
            return AgentProcesses.unknown();
        }
        if (found.isEmpty()) {
            return AgentProcesses.unknown();
        }
        Map<PaneId, SessionName> owners = owner.current().topology().paneOwners();
        return AgentProcesses.of(found.get().stream()
                .map(p -> new AgentProcess(p.agent(), p.pid(), p.name(), p.pane(), owners.get(p.pane()), p.cwd()))
                .toList());
    }
}
