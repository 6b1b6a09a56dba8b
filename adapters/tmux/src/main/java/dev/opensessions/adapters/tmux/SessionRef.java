package dev.opensessions.adapters.tmux;

import java.util.Objects;

/** A session as tmux named it after a create or rename (tmux may still escape what it dislikes, such as {@code $HOME}). */
public record SessionRef(String id, String name) {

    public SessionRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
    }
}
