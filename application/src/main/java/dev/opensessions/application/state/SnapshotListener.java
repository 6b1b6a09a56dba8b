package dev.opensessions.application.state;

/** Receives each new snapshot; called on the state owner's thread, so it must only hand the snapshot on. */
@FunctionalInterface
public interface SnapshotListener {

    void onSnapshot(StateSnapshot snapshot);
}
