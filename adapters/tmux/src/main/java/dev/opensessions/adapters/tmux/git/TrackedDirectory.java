package dev.opensessions.adapters.tmux.git;

import dev.opensessions.domain.session.GitStatus;
import java.util.Optional;
import java.util.concurrent.ScheduledFuture;

/**
 * The read state of one tracked directory inside {@link GitStatusCache}, which guards every call with its
 * own lock: whether a read is queued or running, whether another is owed, and the last answer.
 */
final class TrackedDirectory {

    enum Phase { IDLE, QUEUED, RUNNING }

    private Phase phase = Phase.IDLE;
    private boolean again;
    private Optional<GitStatus> status = Optional.empty();
    private long finishedAt;
    private boolean everFinished;
    private ScheduledFuture<?> deferred;

    Phase phase() {
        return phase;
    }

    Optional<GitStatus> status() {
        return status;
    }

    void queued() {
        phase = Phase.QUEUED;
    }

    void running() {
        phase = Phase.RUNNING;
    }

    /** A change arrived while git was already running, so that read may have missed it. */
    void readAgain() {
        again = true;
    }

    /** Records the answer; true when another read is owed. */
    boolean finished(Optional<GitStatus> answer, long nanoTime) {
        status = answer;
        finishedAt = nanoTime;
        everFinished = true;
        phase = Phase.IDLE;
        boolean owed = again;
        again = false;
        return owed;
    }

    /** Nanoseconds until the last answer is older than {@code cacheFor}; zero or less means read now. */
    long cacheLeft(long nanoTime, long cacheFor) {
        return everFinished ? finishedAt + cacheFor - nanoTime : 0;
    }

    boolean hasDeferred() {
        return deferred != null;
    }

    void defer(ScheduledFuture<?> read) {
        deferred = read;
    }

    void deferredFired() {
        deferred = null;
    }

    void cancelDeferred() {
        if (deferred != null) {
            deferred.cancel(false);
            deferred = null;
        }
    }
}
