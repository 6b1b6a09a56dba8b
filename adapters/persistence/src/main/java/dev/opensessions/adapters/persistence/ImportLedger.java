package dev.opensessions.adapters.persistence;

/** Remembers, per tmux server, which one-time imports were done, so a later start does not repeat them. */
public interface ImportLedger {

    boolean isDone(String importName);

    void markDone(String importName);
}
