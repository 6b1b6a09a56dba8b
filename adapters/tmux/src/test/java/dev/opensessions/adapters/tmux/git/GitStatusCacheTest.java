package dev.opensessions.adapters.tmux.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opensessions.application.testkit.Await;
import dev.opensessions.domain.session.GitStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitStatusCacheTest {

    /** Deadlines hold on a loaded machine, where one git process can take seconds. */
    private static final Duration DEADLINE = Duration.ofSeconds(20);

    @TempDir
    Path temp;

    // A git slowed by a loaded machine past the usual two seconds would read as no repository.
    private final GitProcesses git = new GitProcesses("git", Duration.ofSeconds(30));
    private final List<Map<String, GitStatus>> told = new CopyOnWriteArrayList<>();
    private final GitStatusCache cache = new GitStatusCache(new GitReader(git), told::add,
            Duration.ofMillis(300), Duration.ofMillis(100), 2);

    @AfterEach
    void close() {
        cache.close();
    }

    @Test
    void commitAndCheckoutUpdateTheStatusThroughTheWatchAndNothingRunsWhileIdle() {
        GitRepo repo = GitRepo.withCommit(temp.resolve("repo"));
        repo.write("a.txt", "one\n");
        String dir = repo.dir().toString();
        cache.track(Set.of(dir));
        awaitTold(dir, status -> status.dirty() && status.deletions() == 2, "first read");

        repo.git("commit", "-q", "-a", "-m", "second");
        awaitTold(dir, status -> !status.dirty() && status.changedFiles() == 0, "status after the commit");

        repo.git("checkout", "-q", "-b", "other");
        awaitTold(dir, status -> status.branch().equals("other"), "branch after the checkout");

        awaitQuiet();
        long processes = git.started();
        int calls = told.size();
        stayFor(Duration.ofSeconds(2), () -> git.started() == processes && told.size() == calls,
                "no git process and no listener call while idle");
    }

    @Test
    void commitInALinkedWorktreeUpdatesThatWorktree() {
        GitRepo main = GitRepo.withCommit(temp.resolve("main"));
        Path linked = temp.resolve("linked");
        main.git("worktree", "add", "-q", "-b", "feature", linked.toString());
        GitRepo worktree = new GitRepo(linked);
        worktree.write("a.txt", "changed\n");
        cache.track(Set.of(main.dir().toString(), linked.toString()));
        awaitTold(linked.toString(), GitStatus::dirty, "worktree read");

        worktree.git("commit", "-q", "-a", "-m", "on feature");

        awaitTold(linked.toString(), status -> !status.dirty() && status.branch().equals("feature"),
                "worktree after its commit");
        assertThat(cache.statuses().get(linked.toString()).repositoryKey())
                .isEqualTo(cache.statuses().get(main.dir().toString()).repositoryKey());
    }

    @Test
    void anEditInATrackedFolderShowsWithoutARefreshAndIgnoredFoldersStayUnwatched() {
        GitRepo repo = GitRepo.withCommit(temp.resolve("repo"));
        repo.write("src/deep/b.txt", "b\n").write(".gitignore", "target/\n");
        repo.git("add", ".");
        repo.git("commit", "-q", "-m", "second");
        repo.write("target/out.log", "built\n");
        String dir = repo.dir().resolve("src").toString();
        cache.track(Set.of(dir));
        awaitTold(dir, status -> !status.dirty(), "first read");
        Await.until(() -> cache.watchedWorktreeFolders() == 3, DEADLINE, "the top, src and src/deep watched");

        repo.write("src/deep/b.txt", "b\nedited\n");

        awaitTold(dir, status -> status.dirty() && status.insertions() == 1, "the edit, with no refresh");
        awaitQuiet();
        long processes = git.started();
        repo.write("target/out.log", "built again\n");
        repo.write("target/more.log", "and again\n");
        stayFor(Duration.ofSeconds(1), () -> git.started() == processes, "no read for ignored build output");
    }

    @Test
    void aFileAddedInANewFolderIsWatchedOnceTheIndexHoldsIt() {
        GitRepo repo = GitRepo.withCommit(temp.resolve("repo"));
        String dir = repo.dir().toString();
        cache.track(Set.of(dir));
        awaitTold(dir, status -> !status.dirty(), "first read");
        Await.until(() -> cache.watchedWorktreeFolders() == 1, DEADLINE, "the top watched");

        repo.write("lib/c.txt", "c\n");
        repo.git("add", "lib/c.txt");
        repo.git("commit", "-q", "-m", "lib");
        Await.until(() -> cache.watchedWorktreeFolders() == 2, DEADLINE, "lib watched after the commit");
        repo.write("lib/c.txt", "c\nd\n");

        awaitTold(dir, status -> status.insertions() == 1, "the edit in the new folder");
    }

    @Test
    void fileEditsNeedARefresh() {
        GitRepo repo = GitRepo.withCommit(temp.resolve("repo"));
        String dir = repo.dir().toString();
        cache.track(Set.of(dir));
        awaitTold(dir, status -> !status.dirty(), "first read");

        repo.write("a.txt", "edited\n");
        cache.refresh(dir);

        awaitTold(dir, status -> status.dirty() && status.insertions() == 1, "status after the refresh");
    }

    @Test
    void aBurstOfRefreshesCoalescesIntoAtMostTwoReads() {
        GitRepo repo = GitRepo.withCommit(temp.resolve("repo"));
        String dir = repo.dir().toString();
        cache.track(Set.of(dir));
        awaitTold(dir, status -> true, "first read");
        awaitQuiet();
        long before = git.started();

        for (int i = 0; i < 10; i++) {
            cache.refresh(dir);
        }

        Await.until(() -> git.started() > before, DEADLINE, "a read after the refreshes");
        awaitQuiet();
        assertThat(git.started() - before).as("git processes for ten refreshes").isBetween(4L, 8L);
    }

    @Test
    void droppedDirectoriesLeaveTheMapAndReleaseTheirWatches() {
        GitRepo repo = GitRepo.withCommit(temp.resolve("repo"));
        String dir = repo.dir().toString();
        cache.track(Set.of(dir, temp.resolve("not-a-repo").toString()));
        awaitTold(dir, status -> true, "first read");
        assertThat(cache.watchedFolders()).isPositive();

        cache.track(Set.of());

        Await.until(() -> told.get(told.size() - 1).isEmpty(), DEADLINE, "empty map told");
        assertThat(cache.statuses()).isEmpty();
        assertThat(cache.watchedFolders()).isZero();
        assertThat(cache.watchedWorktreeFolders()).isZero();
    }

    @Test
    void anUnwatchedDirectoryKeepsItsStatusRunsNothingOnEditsAndIsReadAgainOnceWatched() {
        GitRepo repo = GitRepo.withCommit(temp.resolve("repo"));
        String dir = repo.dir().toString();
        cache.track(Set.of(dir));
        awaitTold(dir, status -> !status.dirty(), "first read");
        Await.until(() -> cache.watchedWorktreeFolders() == 1, DEADLINE, "the working tree watched");

        cache.track(Set.of(dir), Set.of());

        assertThat(cache.watchedFolders()).as("git folders watched while hidden").isZero();
        assertThat(cache.watchedWorktreeFolders()).as("working-tree folders watched while hidden").isZero();
        assertThat(cache.statuses()).as("the last status is kept").containsKey(dir);
        awaitQuiet();
        long processes = git.started();
        repo.write("a.txt", "edited while hidden\n");
        cache.refresh(dir);
        stayFor(Duration.ofSeconds(1), () -> git.started() == processes, "no git process for a hidden session");
        assertThat(cache.statuses().get(dir).dirty()).as("the status is not read while hidden").isFalse();

        cache.track(Set.of(dir), Set.of(dir));

        awaitTold(dir, status -> status.dirty() && status.insertions() == 1, "read again once shown");
        Await.until(() -> cache.watchedWorktreeFolders() == 1, DEADLINE, "the working tree watched again");
        repo.write("a.txt", "edited while hidden\nand once shown\n");
        awaitTold(dir, status -> status.insertions() == 2, "an edit shows again without a refresh");
    }

    @Test
    void aDirectoryFirstSeenHiddenIsReadOnceAndNotWatched() {
        GitRepo repo = GitRepo.withCommit(temp.resolve("repo"));
        String dir = repo.dir().toString();

        cache.track(Set.of(dir), Set.of());

        awaitTold(dir, status -> !status.dirty(), "one read for its first status");
        awaitQuiet();
        assertThat(cache.watchedFolders()).isZero();
        assertThat(cache.watchedWorktreeFolders()).isZero();
    }

    @Test
    void twentyRepositoriesNeverRunMoreThanTwoGitProcessesAtOnce() {
        Set<String> dirs = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            dirs.add(GitRepo.withCommit(temp.resolve("repo-" + i)).dir().toString());
        }

        cache.track(dirs);

        Await.until(() -> cache.statuses().keySet().equals(dirs), Duration.ofSeconds(120), "all twenty read");
        assertThat(git.started()).isGreaterThanOrEqualTo(20 * 4);
        assertThat(git.peakRunning()).isBetween(1, 2);
    }

    private void awaitTold(String dir, Predicate<GitStatus> expected, String what) {
        Await.until(() -> !told.isEmpty() && told.get(told.size() - 1).containsKey(dir)
                && expected.test(told.get(told.size() - 1).get(dir)), DEADLINE, what);
    }

    /** Waits until no git process has started for a whole second, so a pending deferred read is done. */
    private void awaitQuiet() {
        long[] last = {git.started(), System.nanoTime()};
        Await.until(() -> {
            if (git.started() != last[0]) {
                last[0] = git.started();
                last[1] = System.nanoTime();
            }
            return System.nanoTime() - last[1] > Duration.ofSeconds(1).toNanos();
        }, Duration.ofSeconds(30), "git quiet for a second");
    }

    /** Checks that {@code condition} holds throughout {@code period}: the one wait that must last its full time. */
    private static void stayFor(Duration period, BooleanSupplier condition, String what) {
        long end = System.nanoTime() + period.toNanos();
        while (System.nanoTime() - end < 0) {
            assertThat(condition.getAsBoolean()).as(what).isTrue();
            LockSupport.parkNanos(10_000_000);
        }
        assertThat(condition.getAsBoolean()).as(what).isTrue();
    }
}
