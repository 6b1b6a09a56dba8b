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
 * commits nothing until it is released with an outcome for every commit asked meanwhile.
 */
final class FakeCommitWrites implements CommitWritesUseCase {

    private volatile boolean full;
    private final List<CompletableFuture<CommitOutcome>> held = new CopyOnWriteArrayList<>();
    private volatile boolean holding;

    /** Commits asked from now on wait for {@link #release}. */
    void hold() {
        holding = true;
    }

    /** Completes every commit asked while held with this outcome; later ones commit at once again. */
    void release(CommitOutcome outcome) {
        holding = false;
        held.forEach(commit -> commit.complete(outcome));
        held.clear();
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
    public CompletionStage<CommitOutcome> committed() {
        if (holding) {
            CompletableFuture<CommitOutcome> commit = new CompletableFuture<>();
            held.add(commit);
            return commit;
        }
        return CompletableFuture.completedFuture(full ? notStored() : new CommitOutcome.Committed());
    }

    private static CommitOutcome.NotStored notStored() {
        return new CommitOutcome.NotStored(true, "the disk is full");
    }
}
