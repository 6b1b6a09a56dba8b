package dev.opensessions.application.service;

import dev.opensessions.application.port.out.Multiplexer;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.Topology;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds or creates the session for a project folder: named after the folder, reused when a live
 * session of that name already works in that folder.
 */
final class ProjectSessions {

    /** Tries beyond this many taken names give up rather than loop over a crowded server. */
    private static final int MAX_SUFFIX = 99;

    private final Multiplexer multiplexer;

    ProjectSessions(Multiplexer multiplexer) {
        this.multiplexer = Objects.requireNonNull(multiplexer, "multiplexer");
    }

    /**
     * The session to switch to; raises {@link IllegalArgumentException} when no session can be named after
     * the folder, and the multiplexer's exception when creating fails.
     */
    SessionName sessionFor(Topology topology, String directory) {
        String folder = trimmed(directory);
        String base = basename(folder);
        // The same rule the multiplexer applies when it creates, so an existing session is found by its name.
        String name = base.replace('.', '_').replace(':', '_');
        Optional<Session> existing = topology.sessions().stream()
                .filter(s -> s.name().value().equals(name)).findFirst();
        if (existing.isPresent() && trimmed(existing.get().directory()).equals(folder)) {
            return existing.get().name();
        }
        return multiplexer.createSession(free(topology, name), folder);
    }

    /** The name, or the first {@code name-N} no live session has: another folder may share the basename. */
    private static String free(Topology topology, String name) {
        if (!taken(topology, name)) {
            return name;
        }
        for (int n = 2; n <= MAX_SUFFIX; n++) {
            String candidate = name + "-" + n;
            if (!taken(topology, candidate)) {
                return candidate;
            }
        }
        throw new IllegalArgumentException("every name like " + name + " is taken");
    }

    private static boolean taken(Topology topology, String name) {
        return topology.sessions().stream().anyMatch(s -> s.name().value().equals(name));
    }

    private static String basename(String folder) {
        try {
            Path file = Path.of(folder).getFileName();
            if (file == null || file.toString().isBlank()) {
                throw new IllegalArgumentException("not a project folder: " + folder);
            }
            return file.toString();
        } catch (InvalidPathException invalid) {
            throw new IllegalArgumentException("not a project folder", invalid);
        }
    }

    private static String trimmed(String directory) {
        String folder = directory.strip();
        while (folder.length() > 1 && folder.endsWith("/")) {
            folder = folder.substring(0, folder.length() - 1);
        }
        return folder;
    }
}
