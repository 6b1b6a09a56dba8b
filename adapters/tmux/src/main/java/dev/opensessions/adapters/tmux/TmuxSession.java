package dev.opensessions.adapters.tmux;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One tmux session as the adapter last listed it.
 *
 * @param id      the stable session id ({@code $3}); commands target it rather than the name
 * @param windows ids of its windows, in index order
 * @param panes   ids of its panes, sidebar panes excluded
 */
public record TmuxSession(String id, String name, Instant created, String directory, List<String> windows,
                          List<String> panes) {

    public TmuxSession {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(created, "created");
        Objects.requireNonNull(directory, "directory");
        windows = List.copyOf(windows);
        panes = List.copyOf(panes);
    }
}
