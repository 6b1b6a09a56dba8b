package dev.opensessions.application.port.in;

import dev.opensessions.domain.session.PaneId;

import java.time.Instant;
import java.util.Objects;

/**
 * Registers a live Pi process, or renews its registration: the Pi extension's heartbeat. A
 * registration lasts 15 s past its last heartbeat.
 */
public interface RegisterPiRuntimeUseCase {

    /** The longest session id accepted, in code points, the cap of every id in the core. */
    int MAX_SESSION_ID = 256;

    void register(Command command);

    /**
     * One heartbeat of a Pi process. Optional fields are null when not given.
     *
     * @param pid         the Pi process, the registration's key
     * @param ppid        its parent (the pane's shell, when Pi was started from one)
     * @param sessionId   the Pi session it runs, the thread id of its transcript and of its agent events
     * @param sessionFile the transcript it writes, null when unknown
     * @param cwd         its working directory
     * @param sessionName the session's name, null when none
     * @param ts          when the heartbeat was sent
     * @param paneId      the tmux pane it runs in, null outside tmux
     */
    record Command(long pid, long ppid, String sessionId, String sessionFile, String cwd, String sessionName,
                   Instant ts, PaneId paneId) {

        public Command {
            Objects.requireNonNull(sessionId, "sessionId");
            Objects.requireNonNull(cwd, "cwd");
            Objects.requireNonNull(ts, "ts");
            if (pid <= 0 || ppid <= 0) {
                throw new IllegalArgumentException("pid and ppid must be positive");
            }
            if (sessionId.isBlank() || sessionId.codePointCount(0, sessionId.length()) > MAX_SESSION_ID) {
                throw new IllegalArgumentException("sessionId must be 1 to 256 code points, not blank");
            }
        }
    }
}
