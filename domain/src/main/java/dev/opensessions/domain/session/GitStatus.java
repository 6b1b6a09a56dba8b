package dev.opensessions.domain.session;

import java.util.Objects;

/**
 * The git state of a session's directory: branch, whether the work tree is dirty, the size of
 * the uncommitted diff, and whether it is a linked worktree.
 *
 * @param branch        the checked-out branch, or {@code HEAD} when detached
 * @param changedFiles  files in {@code git diff --numstat HEAD}
 * @param worktree      true for a linked worktree ({@code git worktree add}), false for the main checkout
 * @param repositoryKey the same for every worktree of one repository (its common git folder), so the
 *                      sidebar can group them
 */
public record GitStatus(String branch, boolean dirty, int changedFiles, int insertions, int deletions,
                        boolean worktree, String repositoryKey) {

    public GitStatus {
        Objects.requireNonNull(branch, "branch");
        Objects.requireNonNull(repositoryKey, "repositoryKey");
        if (changedFiles < 0 || insertions < 0 || deletions < 0) {
            throw new IllegalArgumentException("diff counts must not be negative");
        }
    }
}
