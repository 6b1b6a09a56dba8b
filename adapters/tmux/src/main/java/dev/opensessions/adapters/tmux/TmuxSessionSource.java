package dev.opensessions.adapters.tmux;

import dev.opensessions.application.port.out.SessionSource;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.Topology;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/** The core's session source backed by tmux: every model snapshot becomes a domain topology. */
public final class TmuxSessionSource implements SessionSource {

    private final TmuxModel model;
    private volatile Runnable unsubscribe = () -> { };

    public TmuxSessionSource(TmuxModel model) {
        this.model = Objects.requireNonNull(model, "model");
    }

    @Override
    public void open(Consumer<Topology> onChange) {
        unsubscribe = model.subscribe(snapshot -> onChange.accept(topology(snapshot)));
    }

    /** Sessions with their non-sidebar panes; focused panes are those that users' (non-control) clients show. */
    static Topology topology(TmuxSnapshot snapshot) {
        List<Session> sessions = new ArrayList<>();
        for (TmuxSession session : snapshot.sessions()) {
            name(session.name()).ifPresent(name -> sessions.add(new Session(name, session.created(),
                    session.directory(), session.windows().size(), session.panes().stream().map(PaneId::of).toList())));
        }
        Set<PaneId> focused = new LinkedHashSet<>();
        for (TmuxClient client : snapshot.clients()) {
            snapshot.focusedPane(client.sessionId()).map(pane -> PaneId.of(pane.id())).ifPresent(focused::add);
        }
        return new Topology(sessions, focused);
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
    }
}
