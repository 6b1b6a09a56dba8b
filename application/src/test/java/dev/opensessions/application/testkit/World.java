package dev.opensessions.application.testkit;

import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The sessions, panes and clients a {@link FakeMultiplexer} keeps once a test lays them out, changed as tmux
 * would change them; empty (not laid out) until the first session is added.
 */
final class World {

    private final Map<SessionName, PaneId> panes = new LinkedHashMap<>();
    private final Map<String, SessionName> clients = new LinkedHashMap<>();
    private final Set<SessionName> sidebars = new HashSet<>();
    private int nextPane = 1000;

    synchronized boolean laidOut() {
        return !panes.isEmpty();
    }

    synchronized void addSession(SessionName session, PaneId pane) {
        panes.put(session, pane);
    }

    synchronized void attach(String tty, SessionName session) {
        clients.put(tty, session);
    }

    synchronized void openSidebar(SessionName session) {
        sidebars.add(session);
    }

    synchronized boolean hasSidebar(SessionName session) {
        return panes.containsKey(session) && sidebars.contains(session);
    }

    synchronized boolean has(SessionName session) {
        return panes.containsKey(session);
    }

    synchronized Set<SessionName> sessions() {
        return Set.copyOf(panes.keySet());
    }

    synchronized Optional<SessionName> shownBy(String tty) {
        return Optional.ofNullable(clients.get(tty));
    }

    synchronized Optional<SessionName> sessionOf(PaneId pane) {
        return panes.entrySet().stream().filter(e -> e.getValue().equals(pane)).map(Map.Entry::getKey).findFirst();
    }

    synchronized Optional<String> clientShowing(PaneId pane) {
        return sessionOf(pane).flatMap(session -> clients.entrySet().stream()
                .filter(e -> e.getValue().equals(session)).map(Map.Entry::getKey).findFirst());
    }

    synchronized void created(SessionName session) {
        if (laidOut()) {
            panes.put(session, PaneId.of("%" + nextPane++));
        }
    }

    synchronized void rename(SessionName from, SessionName to) {
        PaneId pane = panes.remove(from);
        if (pane != null) {
            panes.put(to, pane);
            clients.replaceAll((tty, session) -> session.equals(from) ? to : session);
            if (sidebars.remove(from)) {
                sidebars.add(to);
            }
        }
    }

    /** Ends the session; its clients move to the one before it in the display order, else the one after. */
    synchronized void kill(SessionName session, List<SessionName> displayOrder) {
        if (panes.remove(session) == null) {
            return;
        }
        int at = displayOrder.indexOf(session);
        Optional<SessionName> before = at > 0 ? Optional.of(displayOrder.get(at - 1)) : Optional.empty();
        Optional<SessionName> after = at >= 0 && at + 1 < displayOrder.size()
                ? Optional.of(displayOrder.get(at + 1)) : Optional.empty();
        Optional<SessionName> neighbour = before.or(() -> after).filter(panes::containsKey)
                .or(() -> panes.keySet().stream().findFirst());
        clients.replaceAll((tty, shown) -> shown.equals(session) ? neighbour.orElse(shown) : shown);
        if (neighbour.isEmpty()) {
            clients.values().removeIf(session::equals);
        }
    }
}
