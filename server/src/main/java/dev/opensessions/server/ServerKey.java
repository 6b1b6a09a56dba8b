package dev.opensessions.server;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Pattern;

/**
 * Which opensessions server this process is: one per tmux socket. The key is the
 * reference's hash of the socket path (or {@code OPENSESSIONS_SERVER_KEY}); the port is
 * {@code OPENSESSIONS_PORT}, else 7391 for the default socket or no tmux, else {@code 22000 + key}.
 *
 * @param key   the numeric key, empty outside tmux or with an invalid explicit key
 * @param label names this server in runtime paths and database rows: {@code default} or the key
 * @param port  the HTTP port on 127.0.0.1
 */
public record ServerKey(OptionalInt key, String label, int port) {

    public static final int DEFAULT_PORT = 7391;
    static final int KEYED_PORT_BASE = 22000;
    private static final int KEY_SPACE = 20000;
    private static final Pattern DECIMAL = Pattern.compile("[0-9]{1,9}");

    /** Derives the key and port from the environment, exactly as the launcher and tmux scripts do. */
    public static ServerKey fromEnvironment(Map<String, String> env) {
        OptionalInt key = OptionalInt.empty();
        boolean defaultSocket = true;
        String explicit = env.get("OPENSESSIONS_SERVER_KEY");
        if (explicit != null && !explicit.isEmpty()) {
            if (DECIMAL.matcher(explicit).matches()) {
                key = OptionalInt.of(Integer.parseInt(explicit));
                defaultSocket = false;
            }
        } else {
            Optional<String> socket = socketPath(env.get("TMUX"));
            if (socket.isPresent()) {
                key = OptionalInt.of(hash(socket.get()));
                defaultSocket = "default".equals(basename(socket.get()));
            }
        }
        String label = defaultSocket || key.isEmpty() ? "default" : Integer.toString(key.getAsInt());
        int port = explicitPort(env.get("OPENSESSIONS_PORT"))
                .orElse(defaultSocket || key.isEmpty() ? DEFAULT_PORT : KEYED_PORT_BASE + key.getAsInt());
        return new ServerKey(key, label, port);
    }

    /** The reference's key: the sum of each code point times its 1-based position, modulo 20000. */
    static int hash(String socketPath) {
        int key = 0;
        int position = 1;
        for (int i = 0; i < socketPath.length(); ) {
            int codePoint = socketPath.codePointAt(i);
            key = (int) ((key + (long) codePoint * position) % KEY_SPACE);
            position++;
            i += Character.charCount(codePoint);
        }
        return key;
    }

    /** The tmux socket of {@code $TMUX} ({@code socket,pid,session}): the text before the first comma. */
    static Optional<String> socketPath(String tmux) {
        if (tmux == null || tmux.isEmpty()) {
            return Optional.empty();
        }
        int comma = tmux.indexOf(',');
        String path = comma < 0 ? tmux : tmux.substring(0, comma);
        return path.isEmpty() ? Optional.empty() : Optional.of(path);
    }

    private static String basename(String path) {
        Path name = Path.of(path).getFileName();
        return name == null ? "" : name.toString();
    }

    private static Optional<Integer> explicitPort(String value) {
        if (value == null || !DECIMAL.matcher(value).matches()) {
            return Optional.empty();
        }
        int port = Integer.parseInt(value);
        return port >= 1 && port <= 65535 ? Optional.of(port) : Optional.empty();
    }
}
