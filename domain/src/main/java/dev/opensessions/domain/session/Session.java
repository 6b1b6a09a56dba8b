package dev.opensessions.domain.session;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One live tmux session as the multiplexer reports it (sidebar panes excluded from {@code panes}).
 *
 * @param git   the git state of {@code directory}; null when it is not a repository or not known yet
 * @param ports TCP ports in LISTEN state owned by processes in the session's panes, ascending
 */
public record Session(SessionName name, Instant createdAt, String directory, int windows, List<PaneId> panes,
                      GitStatus git, List<Integer> ports) {

    public Session {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        directory = directory == null ? "" : directory;
        if (windows < 0) {
            throw new IllegalArgumentException("windows < 0");
        }
        panes = List.copyOf(panes);
        ports = ports.stream().distinct().sorted().toList();
    }

    /** A session whose git state and ports are not known (yet). */
    public Session(SessionName name, Instant createdAt, String directory, int windows, List<PaneId> panes) {
        this(name, createdAt, directory, windows, panes, null, List.of());
    }

    public Session withGit(GitStatus value) {
        return new Session(name, createdAt, directory, windows, panes, value, ports);
    }

    public Session withPorts(List<Integer> value) {
        return new Session(name, createdAt, directory, windows, panes, git, value);
    }
}
