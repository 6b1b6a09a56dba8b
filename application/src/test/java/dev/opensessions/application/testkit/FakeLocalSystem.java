package dev.opensessions.application.testkit;

import dev.opensessions.application.port.out.LocalSystem;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CopyOnWriteArraySet;

/** A machine whose installed programs and project folders a test sets; records the URLs it was asked to open. */
public final class FakeLocalSystem implements LocalSystem {

    public final Set<String> installed = new CopyOnWriteArraySet<>();
    public final List<String> openedUrls = new CopyOnWriteArrayList<>();
    public volatile List<String> directories = List.of();
    public volatile int lastLimit = -1;

    public FakeLocalSystem install(String... programs) {
        installed.addAll(List.of(programs));
        return this;
    }

    @Override
    public boolean available(String program) {
        return installed.contains(program);
    }

    @Override
    public Optional<String> openUrl(String url) {
        openedUrls.add(url);
        return Optional.empty();
    }

    @Override
    public List<String> projectDirectories(int limit) {
        lastLimit = limit;
        return directories.stream().limit(limit).toList();
    }
}
