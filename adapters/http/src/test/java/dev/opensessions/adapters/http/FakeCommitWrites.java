package dev.opensessions.adapters.http;

import dev.opensessions.application.port.in.CommitOutcome;
import dev.opensessions.application.port.in.CommitWritesUseCase;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A state store that commits at once, or is full: then it refuses new writes and fails their commits. Held, it
 * commits nothing until it is released with an outcome, which every commit asked meanwhile gets, and every one
 * asked after it until the test resumes it: a batch already in the state may ask its commit just after the release.
 * Holding, releasing and asking are one at a time, so no commit asked during a release is left waiting.
 */
final class FakeCommitWrites implements CommitWritesUseCase {

    private volatile boolean full;
    private final List<CompletableFuture<CommitOutcome>> held = new CopyOnWriteArrayList<>();
    private volatile boolean holding;
    private volatile CommitOutcome released;

    /** Commits asked from now on wait for {@link #release}. */
    synchronized void hold() {
        holding = true;
    }

    /** Completes every commit asked while held, and every later one until {@link #resume}, with this outcome. */
    synchronized void release(CommitOutcome outcome) {
        released = outcome;
        holding = false;
        held.forEach(commit -> commit.complete(outcome));
        held.clear();
    }

    /** Commits at once again (or fails them while full), as before the first hold. */
    synchronized void resume() {
        holding = false;
        released = null;
    }

    /** How many commits were asked while held. */
    int heldCommits() {
        return held.size();
    }

    void full(boolean value) {
        full = value;
    }

    @Override
    public Optional<CommitOutcome.NotStored> refusal() {
        return full ? Optional.of(notStored()) : Optional.empty();
    }

    @Override
    public synchronized CompletionStage<CommitOutcome> committed() {
        if (holding) {
            CompletableFuture<CommitOutcome> commit = new CompletableFuture<>();
            held.add(commit);
            return commit;
        }
        CommitOutcome outcome = released;
        if (outcome != null) {
            return CompletableFuture.completedFuture(outcome);
        }
        return CompletableFuture.completedFuture(full ? notStored() : new CommitOutcome.Committed());
    }

    private static CommitOutcome.NotStored notStored() {
        return new CommitOutcome.NotStored(true, "the disk is full");
    }
}
