package dev.opensessions.adapters.tmux.git;

import dev.opensessions.domain.session.GitStatus;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A directory's git status together with the folders it was read from, which are the folders to watch.
 *
 * @param gitDir    the checkout's own git folder (HEAD and index live here; {@code <common>/worktrees/<name>}
 *                  for a linked worktree)
 * @param commonDir the repository's shared git folder (refs and packed-refs live here)
 */
public record GitReading(GitStatus status, Path gitDir, Path commonDir) {

    public GitReading {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(gitDir, "gitDir");
        Objects.requireNonNull(commonDir, "commonDir");
    }
}
