package dev.opensessions.adapters.tmux;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which tmux server the adapter belongs to: the tmux binary plus the socket options ({@code -L name},
 * {@code -S path}, or none for the user's default socket).
 */
public record TmuxServer(String binary, List<String> socketOptions) {

    public TmuxServer {
        Objects.requireNonNull(binary, "binary");
        socketOptions = List.copyOf(socketOptions);
    }

    /** The server named by {@code -L name}. */
    public static TmuxServer named(String binary, String name) {
        return new TmuxServer(binary, List.of("-L", name));
    }

    /** The server listening on the socket at {@code path} ({@code -S}). */
    public static TmuxServer socket(String binary, String path) {
        return new TmuxServer(binary, List.of("-S", path));
    }

    /**
     * The server a process inside tmux belongs to: {@code $TMUX} is {@code socket,pid,session}, and the
     * socket path is everything before the first comma. Without {@code $TMUX}, the default socket.
     */
    public static TmuxServer fromTmuxVariable(String binary, String tmuxVariable) {
        if (tmuxVariable == null || tmuxVariable.isBlank()) {
            return new TmuxServer(binary, List.of());
        }
        int comma = tmuxVariable.indexOf(',');
        return socket(binary, comma < 0 ? tmuxVariable : tmuxVariable.substring(0, comma));
    }

    /**
     * The argument vector of a tmux invocation on this server. {@code -N} stops tmux from starting a new
     * server when ours is gone, which is how a lost server is told apart from one without sessions.
     */
    public List<String> command(String... arguments) {
        List<String> argv = new ArrayList<>();
        argv.add(binary);
        argv.add("-N");
        argv.addAll(socketOptions);
        argv.addAll(List.of(arguments));
        return argv;
    }
}
