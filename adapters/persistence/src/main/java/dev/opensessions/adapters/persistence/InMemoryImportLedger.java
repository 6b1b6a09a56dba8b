package dev.opensessions.adapters.persistence;

import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Remembers one-time imports for the life of the process only. */
final class InMemoryImportLedger implements ImportLedger {

    private final Set<String> done = ConcurrentHashMap.newKeySet();

    @Override
    public boolean isDone(String importName) {
        return done.contains(Objects.requireNonNull(importName, "importName"));
    }

    @Override
    public void markDone(String importName) {
        done.add(Objects.requireNonNull(importName, "importName"));
    }
}
