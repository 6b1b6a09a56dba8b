package dev.opensessions.application.port.in;

import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Lets a driving adapter acknowledge a write only once it is durable: refuse it up front while the
 * store cannot write, and wait, without blocking, for the commit of what it changed.
 */
public interface CommitWritesUseCase {

    /** Why a new write would not be stored now (a full disk, a failing store), or empty when it would be. */
    Optional<CommitOutcome.NotStored> refusal();

    /** Completes once every change applied before this call is committed, or with why it was not. */
    CompletionStage<CommitOutcome> committed();

    /**
     * As {@link #committed()}, but when no commit is running and the store is not failing, the commit runs now on the
     * caller's thread (a fraction of a millisecond), instead of waking another thread to run it and being woken when it
     * is done: for a caller that would only wait for it. While another commit runs, it returns at once, as
     * {@link #committed()} does. A store that must wait for its file's lock (another program writing it) holds the
     * caller as long.
     */
    default CompletionStage<CommitOutcome> commitNow() {
        return committed();
    }
}
