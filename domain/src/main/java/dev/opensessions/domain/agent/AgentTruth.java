package dev.opensessions.domain.agent;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * The one rule that decides which status an agent thread shows, from every kind of evidence at hand, best
 * first:
 * <ol>
 *   <li>what the agent said itself (a hook, a plugin line, an event posted to the API) wins when it is at
 *       least as new as the newest transcript entry;</li>
 *   <li>otherwise the transcript: its last meaningful entry gives the status, and a running thread whose last
 *       entry is a tool call and that stays quiet {@link #WAITING_AFTER} waits for the user's approval;</li>
 *   <li>the pane's screen, read with its agent's rule, when it shows something and the transcript has been
 *       quiet that long;</li>
 *   <li>process liveness last: an open thread (running, tool-running, waiting) keeps its status while its
 *       agent process lives, however long the file stays quiet; it turns {@code stale} only when no such
 *       process is found (or none can be looked for) and the file has been quiet {@link #QUIET_WITHOUT_PROCESS}.
 *       A finished or stale status written by the agent stands as written.</li>
 * </ol>
 * Pure: the caller passes the clock's instant and what it read.
 */
public final class AgentTruth {

    /** A running thread whose last entry is a tool call and that stays quiet this long waits for approval. */
    public static final Duration WAITING_AFTER = Duration.ofSeconds(3);
    /**
     * An open thread without a living agent process turns stale once its file has been quiet this long. It is
     * longer than the silences of a working agent (a model thinking, a tool without output: real Codex turns
     * had gaps over 15 s in most turns) so that an agent whose process is not found (run outside tmux) is not
     * called stale while it works, and short enough that a crashed agent shows stale within a minute.
     */
    public static final Duration QUIET_WITHOUT_PROCESS = Duration.ofSeconds(60);
    /**
     * While an open thread's process lives, liveness is read again this often, to notice a process that ended
     * without any pane changing (an agent run in the background of a shell).
     */
    public static final Duration LIVENESS_RECHECK = Duration.ofSeconds(30);

    private AgentTruth() {
    }

    /**
     * What the agent said itself.
     *
     * @param who {@code event}, {@code plugin} ..., for the explanation
     */
    public record Said(AgentStatus status, Instant at, String who) {
        public Said {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(at, "at");
            Objects.requireNonNull(who, "who");
        }
    }

    /**
     * What the agent's files say: the status of the last meaningful entry, when the file last changed, and
     * whether that entry is a tool call.
     */
    public record Written(AgentStatus status, Instant lastActivity, boolean endsInToolCall) {
        public Written {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(lastActivity, "lastActivity");
        }
    }

    /**
     * What the agent's pane shows.
     *
     * @param status the status its screen reads as
     * @param what   the rule and the lines that matched, for the explanation
     */
    public record Shown(AgentStatus status, String what) {
        public Shown {
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(what, "what");
        }
    }

    /** Running, tool-running and waiting: a turn still going, which only its agent can end. */
    public static boolean open(AgentStatus status) {
        return switch (status) {
            case RUNNING, TOOL_RUNNING, WAITING -> true;
            case IDLE, DONE, ERROR, INTERRUPTED, STALE -> false;
        };
    }

    /**
     * The verdict.
     *
     * @param said    what the agent said, null when it said nothing
     * @param written what its files say, null when there are none
     * @param screen  what its pane's screen shows, null when nothing reads it
     * @param process what liveness says; only looked at for an open thread
     */
    public static StatusVerdict decide(Said said, Written written, Shown screen, ProcessLook process,
                                       Instant now) {
        Objects.requireNonNull(process, "process");
        Objects.requireNonNull(now, "now");
        if (said != null && (written == null || !said.at().isBefore(written.lastActivity()))) {
            return new StatusVerdict(said.status(), Evidence.HOOK,
                    said.who() + " said " + said.status().wireName() + " at " + said.at(), null);
        }
        if (written == null) {
            return new StatusVerdict(AgentStatus.IDLE, Evidence.TRANSCRIPT, "nothing read", null);
        }
        if (!open(written.status())) {
            return new StatusVerdict(written.status(), Evidence.TRANSCRIPT,
                    "the last entry says " + written.status().wireName(), null);
        }
        return openThread(written, screen, process, now);
    }

    private static StatusVerdict openThread(Written written, Shown screen, ProcessLook process, Instant now) {
        Duration quiet = Duration.between(written.lastActivity(), now);
        Instant waitingAt = written.lastActivity().plus(WAITING_AFTER);
        boolean toolCall = written.status() == AgentStatus.RUNNING && written.endsInToolCall();
        AgentStatus status = written.status();
        String why = "the last entry says " + status.wireName();
        if (toolCall && !now.isBefore(waitingAt)) {
            status = AgentStatus.WAITING;
            why = "the last entry is a tool call and the file has been quiet " + seconds(quiet);
        }
        // A screen that shows something speaks once the file has been quiet that long: decide again then.
        Instant nextWaiting = (toolCall || screen != null) && now.isBefore(waitingAt) ? waitingAt : null;
        if (screen != null && !now.isBefore(waitingAt)) {
            return new StatusVerdict(screen.status(), Evidence.SCREEN, "the file has been quiet " + seconds(quiet)
                    + " and the screen shows " + screen.status().wireName() + ": " + screen.what(), null);
        }
        Instant staleAt = written.lastActivity().plus(QUIET_WITHOUT_PROCESS);
        boolean pastBound = !now.isBefore(staleAt);
        if (process.alive()) {
            Instant recheck = earlier(nextWaiting, now.plus(LIVENESS_RECHECK));
            return pastBound
                    ? new StatusVerdict(status, Evidence.PROCESS, why + "; quiet " + seconds(quiet) + " but "
                    + process.process().describe() + " lives", recheck)
                    : new StatusVerdict(status, Evidence.TRANSCRIPT, why + "; " + process.process().describe()
                    + " lives", recheck);
        }
        String absent = process.known() ? "no agent process found" : "liveness unknown";
        if (pastBound) {
            return new StatusVerdict(AgentStatus.STALE, Evidence.PROCESS, absent + " and the file has been quiet "
                    + seconds(quiet), null);
        }
        return new StatusVerdict(status, Evidence.TRANSCRIPT, why + "; " + absent, earlier(nextWaiting, staleAt));
    }

    private static Instant earlier(Instant a, Instant b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    private static String seconds(Duration quiet) {
        return Math.max(0, quiet.toSeconds()) + " s";
    }
}
