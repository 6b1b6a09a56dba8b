package dev.opensessions.domain.agent;

import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.SessionResolver;
import dev.opensessions.domain.session.Topology;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How an agent thread was mapped to a live session, and the rules that map it: its pane always wins,
 * then its project directory, or the lossy Claude folder name, and last
 * the session the agent named itself.
 *
 * @param session the session found, null when none matched
 * @param how     {@code pane %3}, {@code directory /a}, {@code prefix /a}, {@code encoded -a-b},
 *                {@code name s} or {@code unresolved}, for {@code /debug/agents}
 */
public record AgentMapping(SessionName session, String how) {

    public static final String UNRESOLVED = "unresolved";

    public AgentMapping {
        Objects.requireNonNull(how, "how");
    }

    public static AgentMapping unresolved() {
        return new AgentMapping(null, UNRESOLVED);
    }

    public boolean resolved() {
        return session != null;
    }

    /** The mapping by pane, directory or Claude folder, else the session the agent named, if it is live. */
    public static AgentMapping of(Topology topology, PaneId pane, String projectDir, SessionName named) {
        AgentMapping found = of(topology, pane, projectDir);
        return found.resolved() || named == null || !topology.contains(named) ? found
                : new AgentMapping(named, "name " + named.value());
    }

    /** The mapping by pane, then by directory or Claude folder name; null pane and directory are not known. */
    public static AgentMapping of(Topology topology, PaneId pane, String projectDir) {
        if (pane != null) {
            SessionName owner = topology.ownerOfPane(pane);
            if (owner != null) {
                return new AgentMapping(owner, "pane " + pane);
            }
        }
        Optional<String> encoded = ClaudeProjectDirs.encodedPart(projectDir);
        if (encoded.isPresent()) {
            return topology.sessions().stream()
                    .filter(s -> ClaudeProjectDirs.matches(s.directory(), encoded.get()))
                    .findFirst()
                    .map(s -> new AgentMapping(s.name(), "encoded " + encoded.get()))
                    .orElseGet(AgentMapping::unresolved);
        }
        return SessionResolver.resolve(topology, null, projectDir, null)
                .flatMap(topology::session)
                .map(s -> byDirectory(s, projectDir))
                .orElseGet(AgentMapping::unresolved);
    }

    private static AgentMapping byDirectory(Session session, String projectDir) {
        boolean exact = normalized(session.directory()).equals(normalized(projectDir));
        return new AgentMapping(session.name(),
                exact ? "directory " + projectDir : "prefix " + session.directory());
    }

    private static Optional<Path> normalized(String dir) {
        try {
            return Optional.of(Path.of(dir).normalize());
        } catch (InvalidPathException invalid) {
            return Optional.empty();
        }
    }
}
