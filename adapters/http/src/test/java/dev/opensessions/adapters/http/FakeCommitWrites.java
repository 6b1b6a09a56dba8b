package dev.opensessions.adapters.http;

import dev.opensessions.application.port.in.CommitOutcome;
import dev.opensessions.application.port.in.CommitWritesUseCase;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/** A state store that commits at once, or is full: then it refuses new writes and fails their commits. */
final class FakeCommitWrites implements CommitWritesUseCase {

    private volatile boolean full;

    void full(boolean value) {
        full = value;
    }

    @Override
    public Optional<CommitOutcome.NotStored> refusal() {
        return full ? Optional.of(notStored()) : Optional.empty();
    }

    @Override
    public CompletionStage<CommitOutcome> committed() {
        return CompletableFuture.completedFuture(full ? notStored() : new CommitOutcome.Committed());
    }

    private static CommitOutcome.NotStored notStored() {
        return new CommitOutcome.NotStored(true, "the disk is full");
    }
}
