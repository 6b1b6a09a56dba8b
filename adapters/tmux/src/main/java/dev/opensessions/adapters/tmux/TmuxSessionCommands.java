package dev.opensessions.adapters.tmux;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Session-level tmux commands: switch a client, create, rename and kill sessions; sessions are targeted by id. */
public final class TmuxSessionCommands {

    private static final String ID_AND_NAME = "#{session_id}" + TmuxListing.SEPARATOR + "#{session_name}";

    private final TmuxControl control;
    private final TmuxModel model;

    public TmuxSessionCommands(TmuxControl control, TmuxModel model) {
        this.control = Objects.requireNonNull(control, "control");
        this.model = Objects.requireNonNull(model, "model");
    }

    /** Shows the session on the client with that tty. */
    public CompletableFuture<Void> switchClient(String clientTty, String sessionId) {
        return control.execute("switch-client", "-c", clientTty, "-t", TmuxNames.sessionId(sessionId))
                .thenApply(lines -> null);
    }

    /** Creates a detached session; the name is sanitized, and {@code #} is kept literal, not format-expanded. */
    public CompletableFuture<SessionRef> create(String name, String directory) {
        List<String> argv = new ArrayList<>(List.of("new-session", "-d", "-P", "-F", ID_AND_NAME,
                "-s", TmuxCommandLine.literal(TmuxNames.sessionName(name))));
        if (directory != null && !directory.isBlank()) {
            argv.addAll(List.of("-c", TmuxCommandLine.literal(directory)));
        }
        return control.execute(argv).thenApply(TmuxSessionCommands::ref);
    }

    /** Renames a session and reads back the name tmux stored. */
    public CompletableFuture<SessionRef> rename(String sessionId, String name) {
        String id = TmuxNames.sessionId(sessionId);
        return control.execute("rename-session", "-t", id, TmuxCommandLine.literal(TmuxNames.sessionName(name)))
                .thenCompose(renamed -> control.execute("display-message", "-p", "-t", id, ID_AND_NAME))
                .thenApply(TmuxSessionCommands::ref);
    }

    /**
     * Kills a session, first moving every client on it, the control client included, to the session before it
     * in {@code displayOrder} (ids), else the one after it, else any other session.
     */
    public CompletableFuture<Void> kill(String sessionId, List<String> displayOrder) {
        String id = TmuxNames.sessionId(sessionId);
        return model.refresh().thenCompose(snapshot -> {
            Optional<String> fallback = fallback(snapshot, id, displayOrder);
            List<CompletableFuture<List<String>>> moves = new ArrayList<>();
            fallback.ifPresent(target -> {
                snapshot.clientsOn(id).forEach(client ->
                        moves.add(control.execute("switch-client", "-c", client.tty(), "-t", target)));
                if (id.equals(control.attachedSessionId())) {
                    // Without -c the target is the calling client: the control client leaves before the kill
                    // instead of being detached by it and having to reattach.
                    moves.add(control.execute("switch-client", "-t", target));
                }
            });
            return CompletableFuture.allOf(moves.toArray(CompletableFuture[]::new))
                    .thenCompose(moved -> control.execute("kill-session", "-t", id))
                    .thenApply(lines -> null);
        });
    }

    static Optional<String> fallback(TmuxSnapshot snapshot, String id, List<String> displayOrder) {
        List<String> shown = displayOrder.stream()
                .filter(s -> s.equals(id) || snapshot.session(s).isPresent())
                .toList();
        int at = shown.indexOf(id);
        if (at > 0) {
            return Optional.of(shown.get(at - 1));
        }
        if (at == 0 && shown.size() > 1) {
            return Optional.of(shown.get(1));
        }
        return snapshot.sessions().stream().map(TmuxSession::id).filter(s -> !s.equals(id)).findFirst();
    }

    private static SessionRef ref(List<String> lines) {
        if (lines.isEmpty()) {
            throw new TmuxException("tmux printed no session");
        }
        String[] fields = lines.getFirst().split(TmuxListing.SEPARATOR, 2);
        if (fields.length != 2) {
            throw new TmuxException("unexpected session line from tmux");
        }
        return new SessionRef(fields[0], fields[1]);
    }
}
