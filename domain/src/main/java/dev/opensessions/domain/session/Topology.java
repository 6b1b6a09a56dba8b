package dev.opensessions.domain.session;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the multiplexer currently holds: its sessions, and the panes attached clients are looking at.
 *
 * @param sessions     live sessions in the multiplexer's own order
 * @param focusedPanes the active pane of the active window of every attached client
 * @param clients      the users' attached clients and the session each one shows
 * @param sidebarPanes the sidebar panes (left out of {@link Session#panes()}) and the session each lives in
 */
public record Topology(List<Session> sessions, Set<PaneId> focusedPanes, List<Client> clients,
                       Map<PaneId, SessionName> sidebarPanes) {

    public Topology {
        sessions = List.copyOf(sessions);
        focusedPanes = Set.copyOf(focusedPanes);
        clients = List.copyOf(clients);
        sidebarPanes = Map.copyOf(sidebarPanes);
    }

    /** A topology without sidebar panes. */
    public Topology(List<Session> sessions, Set<PaneId> focusedPanes, List<Client> clients) {
        this(sessions, focusedPanes, clients, Map.of());
    }

    /** A topology whose clients are not known. */
    public Topology(List<Session> sessions, Set<PaneId> focusedPanes) {
        this(sessions, focusedPanes, List.of());
    }

    /** The session a pane lives in, sidebar panes included. */
    public Optional<SessionName> sessionOfPane(PaneId pane) {
        SessionName owner = sidebarPanes.get(pane);
        if (owner != null) {
            return Optional.of(owner);
        }
        return sessions.stream().filter(s -> s.panes().contains(pane)).map(Session::name).findFirst();
    }

    /** No multiplexer, or one with no sessions. */
    public static Topology empty() {
        return new Topology(List.of(), Set.of());
    }

    /** The session a client shows, if that client is attached. */
    public Optional<SessionName> sessionOf(String clientTty) {
        return clients.stream().filter(c -> c.tty().equals(clientTty)).map(Client::session).findFirst();
    }

    public Optional<Session> session(SessionName name) {
        return Optional.ofNullable(find(name));
    }

    public boolean contains(SessionName name) {
        return find(name) != null;
    }

    /**
     * A plain walk by index, neither a stream nor an iterator: every agent event that names its session asks, with
     * every session live, and the client compiler the server runs with allocates every iterator.
     */
    private Session find(SessionName name) {
        Objects.requireNonNull(name, "name");
        for (int i = 0; i < sessions.size(); i++) {
            Session session = sessions.get(i);
            if (session.name().equals(name)) {
                return session;
            }
        }
        return null;
    }

    /**
     * The session that holds a live pane (the first in order, as {@link #paneOwners()} keeps it), or null: what an
     * agent event with a pane asks, without building the map of every pane.
     */
    public SessionName ownerOfPane(PaneId pane) {
        for (int i = 0; i < sessions.size(); i++) {
            Session session = sessions.get(i);
            if (session.panes().contains(pane)) {
                return session.name();
            }
        }
        return null;
    }

    /** Every live pane and the session that holds it. */
    public Map<PaneId, SessionName> paneOwners() {
        Map<PaneId, SessionName> owners = new HashMap<>();
        for (Session session : sessions) {
            for (PaneId pane : session.panes()) {
                owners.putIfAbsent(pane, session.name());
            }
        }
        return owners;
    }
}
