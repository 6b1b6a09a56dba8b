package dev.opensessions.adapters.tmux;

import java.util.regex.Pattern;

/** Session names and object ids as tmux accepts them. */
public final class TmuxNames {

    private static final Pattern SESSION_ID = Pattern.compile("\\$[0-9]{1,9}");
    private static final Pattern WINDOW_ID = Pattern.compile("@[0-9]{1,9}");
    private static final Pattern PANE_ID = Pattern.compile("%[0-9]{1,9}");

    private TmuxNames() {
    }

    /**
     * The name tmux would store: {@code .} and {@code :} are target separators, so tmux turns them into
     * {@code _}; doing it here lets callers know the name in advance. A blank name or one with
     * control characters is refused rather than left to tmux's escaping.
     */
    public static String sessionName(String requested) {
        if (requested == null || requested.isBlank()) {
            throw new IllegalArgumentException("a session name cannot be blank");
        }
        if (requested.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("a session name cannot contain control characters");
        }
        return requested.replace('.', '_').replace(':', '_');
    }

    public static String sessionId(String id) {
        return require(SESSION_ID, id, "session id must look like $3");
    }

    public static String windowId(String id) {
        return require(WINDOW_ID, id, "window id must look like @3");
    }

    public static String paneId(String id) {
        return require(PANE_ID, id, "pane id must look like %3");
    }

    private static String require(Pattern format, String id, String message) {
        if (id == null || !format.matcher(id).matches()) {
            throw new IllegalArgumentException(message);
        }
        return id;
    }
}
