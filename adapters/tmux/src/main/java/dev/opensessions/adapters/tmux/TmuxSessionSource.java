package dev.opensessions.adapters.tmux;

import dev.opensessions.application.port.out.SessionSource;
import dev.opensessions.domain.session.Client;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.Topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The core's session source backed by tmux: every model snapshot, and every change of a session's git
 * state or ports, becomes a domain topology.
 */
public final class TmuxSessionSource implements SessionSource {

    private final TmuxModel model;
    private final SessionFacts facts;
    private volatile Runnable unsubscribe = () -> { };
    private Consumer<Topology> listener;
    private TmuxSnapshot latest;

    public TmuxSessionSource(TmuxModel model, SessionFacts facts) {
        this.model = Objects.requireNonNull(model, "model");
        this.facts = Objects.requireNonNull(facts, "facts");
    }

    /** A source with what tmux knows only: no git state, no ports. */
    public TmuxSessionSource(TmuxModel model) {
        this(model, SessionFacts.none());
    }

    @Override
    public void open(Consumer<Topology> onChange) {
        synchronized (this) {
            listener = onChange;
        }
        facts.onChange(this::push);
        unsubscribe = model.subscribe(snapshot -> {
            facts.follow(snapshot);
            synchronized (this) {
                latest = snapshot;
            }
            push();
        });
    }

    /**
     * Lists tmux again and pushes the result even when nothing changed; the caller does not wait. The model's
     * current snapshot is at least as new as the listing once it completes.
     */
    @Override
    public void refresh() {
        model.refresh().thenRun(() -> {
            synchronized (this) {
                latest = model.current();
            }
            push();
        });
    }

    /** Pushes the latest snapshot with the latest facts; synchronized so topologies arrive in order. */
    private synchronized void push() {
        if (listener != null && latest != null) {
            listener.accept(topology(latest, facts));
        }
    }

    /** Sessions with their non-sidebar panes; focused panes are those that users' (non-control) clients show. */
    static Topology topology(TmuxSnapshot snapshot) {
        return topology(snapshot, SessionFacts.none());
    }

    static Topology topology(TmuxSnapshot snapshot, SessionFacts facts) {
        // One index per topology: looking each pane up in the snapshot's list would be quadratic in panes.
        Map<String, TmuxPane> panesById = new HashMap<>();
        snapshot.panes().forEach(pane -> panesById.put(pane.id(), pane));
        List<Session> sessions = new ArrayList<>();
        for (TmuxSession session : snapshot.sessions()) {
            List<Long> pids = session.panes().stream().map(panesById::get).filter(Objects::nonNull)
                    .map(TmuxPane::pid).toList();
            name(session.name()).ifPresent(name -> sessions.add(new Session(name, session.created(),
                    session.directory(), session.windows().size(), session.panes().stream().map(PaneId::of).toList(),
                    facts.git(session.directory()), facts.ports(pids))));
        }
        Set<PaneId> focused = new LinkedHashSet<>();
        List<Client> clients = new ArrayList<>();
        for (TmuxClient client : snapshot.clients()) {
            PaneId active = snapshot.focusedPane(client.sessionId()).map(pane -> PaneId.of(pane.id())).orElse(null);
            if (active != null) {
                focused.add(active);
            }
            snapshot.session(client.sessionId()).flatMap(session -> name(session.name()))
                    .ifPresent(name -> clients.add(new Client(client.tty(), name, active)));
        }
        return new Topology(sessions, focused, clients, sidebars(snapshot));
    }

    /** Sidebar panes are left out of their session's panes but must still be traced to it. */
    private static Map<PaneId, SessionName> sidebars(TmuxSnapshot snapshot) {
        Map<String, SessionName> sessionOfWindow = new HashMap<>();
        for (TmuxSession session : snapshot.sessions()) {
            name(session.name()).ifPresent(name -> session.windows().forEach(w -> sessionOfWindow.putIfAbsent(w, name)));
        }
        Map<PaneId, SessionName> sidebars = new HashMap<>();
        for (TmuxPane pane : snapshot.panes()) {
            SessionName owner = sessionOfWindow.get(pane.windowId());
            if (pane.sidebar() && owner != null) {
                sidebars.put(PaneId.of(pane.id()), owner);
            }
        }
        return sidebars;
    }

    /**
     * tmux allows names the domain refuses (longer than its limit); such a session is left out rather than
     * breaking the whole topology.
     */
    private static Optional<SessionName> name(String name) {
        try {
            return Optional.of(SessionName.of(name));
        } catch (IllegalArgumentException refused) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        unsubscribe.run();
        synchronized (this) {
            listener = null;
        }
        facts.onChange(() -> { });
    }
}
