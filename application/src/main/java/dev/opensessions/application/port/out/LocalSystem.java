package dev.opensessions.application.port.out;

import java.util.List;
import java.util.Optional;

/** What the server needs from the machine it runs on, beyond tmux: programs on the PATH, a browser, folders. */
public interface LocalSystem {

    /** True when the program (a bare name such as {@code fzf}) is on the PATH. */
    boolean available(String program);

    /**
     * Opens a URL in the user's browser ({@code xdg-open} or {@code open}); never waits for it. Empty when it
     * was handed to the opener; otherwise why not (the opener is not installed), as a person reads it.
     */
    Optional<String> openUrl(String url);

    /**
     * Project folders for a new session: the {@code SESSIONIZER_DIR} roots (colon separated, default the
     * home folder's {@code Documents}, else the home folder) searched to {@code SESSIONIZER_MAXDEPTH}
     * (default 3), hidden folders skipped, sorted, at most {@code limit}.
     */
    List<String> projectDirectories(int limit);
}
