package dev.opensessions.domain.session;

import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;

/**
 * Finds the live session an agent report belongs to: its pane when known, then its project
 * directory (exact, then the most specific prefix relation either way), then the session name it gave.
 */
public final class SessionResolver {

    private SessionResolver() {
    }

    public static Optional<SessionName> resolve(Topology topology, PaneId pane, String projectDir, SessionName named) {
        if (pane != null) {
            SessionName owner = topology.ownerOfPane(pane);
            if (owner != null) {
                return Optional.of(owner);
            }
        }
        Optional<SessionName> byDir = normalize(projectDir).flatMap(project -> byDirectory(topology, project));
        if (byDir.isPresent()) {
            return byDir;
        }
        if (named != null && topology.contains(named)) {
            return Optional.of(named);
        }
        return Optional.empty();
    }

    private static Optional<SessionName> byDirectory(Topology topology, Path project) {
        Optional<Session> exact = topology.sessions().stream()
                .filter(s -> normalize(s.directory()).filter(project::equals).isPresent())
                .findFirst();
        if (exact.isPresent()) {
            return exact.map(Session::name);
        }
        // Most specific first: the deepest session directory that contains the project; failing that,
        // the shallowest session directory inside the project (ties keep the multiplexer's order).
        Optional<Session> container = topology.sessions().stream()
                .filter(s -> normalize(s.directory()).filter(project::startsWith).isPresent())
                .max(Comparator.comparingInt(SessionResolver::depth));
        if (container.isPresent()) {
            return container.map(Session::name);
        }
        return topology.sessions().stream()
                .filter(s -> normalize(s.directory()).filter(dir -> dir.startsWith(project)).isPresent())
                .min(Comparator.comparingInt(SessionResolver::depth))
                .map(Session::name);
    }

    private static int depth(Session session) {
        return normalize(session.directory()).orElseThrow().getNameCount();
    }

    private static Optional<Path> normalize(String dir) {
        if (dir == null || dir.isBlank()) {
            return Optional.empty();
        }
        try {
            Path path = Path.of(dir).normalize();
            return path.isAbsolute() ? Optional.of(path) : Optional.empty();
        } catch (java.nio.file.InvalidPathException invalid) {
            return Optional.empty();
        }
    }
}
