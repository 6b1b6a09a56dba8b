package dev.opensessions.adapters.tmux;

import java.util.List;
import java.util.Optional;

/** Everything the adapter knows about its tmux server at one moment; immutable, replaced on every change. */
public record TmuxSnapshot(List<TmuxSession> sessions, List<TmuxWindow> windows, List<TmuxPane> panes,
                           List<TmuxClient> clients) {

    public TmuxSnapshot {
        sessions = List.copyOf(sessions);
        windows = List.copyOf(windows);
        panes = List.copyOf(panes);
        clients = List.copyOf(clients);
    }

    public static TmuxSnapshot empty() {
        return new TmuxSnapshot(List.of(), List.of(), List.of(), List.of());
    }

    public Optional<TmuxSession> session(String id) {
        return sessions.stream().filter(s -> s.id().equals(id)).findFirst();
    }

    public Optional<TmuxSession> sessionNamed(String name) {
        return sessions.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<TmuxPane> pane(String id) {
        return panes.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** The active pane of the session's current window: what a client on that session looks at. */
    public Optional<TmuxPane> focusedPane(String sessionId) {
        return windows.stream()
                .filter(w -> w.sessionId().equals(sessionId) && w.active())
                .findFirst()
                .flatMap(w -> panes.stream().filter(p -> p.windowId().equals(w.id()) && p.active()).findFirst());
    }

    public List<TmuxClient> clientsOn(String sessionId) {
        return clients.stream().filter(c -> c.sessionId().equals(sessionId)).toList();
    }
}
