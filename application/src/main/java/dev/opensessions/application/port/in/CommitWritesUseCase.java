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
}
