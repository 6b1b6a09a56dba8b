package dev.opensessions.domain.session;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/** One live tmux session as the multiplexer reports it (sidebar panes excluded from {@code panes}). */
public record Session(SessionName name, Instant createdAt, String directory, int windows, List<PaneId> panes) {

    public Session {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        directory = directory == null ? "" : directory;
        if (windows < 0) {
            throw new IllegalArgumentException("windows < 0");
        }
        panes = List.copyOf(panes);
    }
}
