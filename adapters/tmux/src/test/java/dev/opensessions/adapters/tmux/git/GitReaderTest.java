package dev.opensessions.adapters.tmux.git;

import static org.assertj.core.api.Assertions.assertThat;

import dev.opensessions.domain.session.GitStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.io.TempDir;

class GitReaderTest {

    @TempDir
    Path temp;

    // A git slowed by a loaded machine past the usual two seconds would read as no repository.
    private final GitProcesses git = new GitProcesses("git", Duration.ofSeconds(30));
    private final GitReader reader = new GitReader(git);

    @Test
    void cleanRepositoryMatchesGit() {
        GitRepo repo = GitRepo.withCommit(temp.resolve("clean"));

        GitStatus status = reader.read(repo.dir()).orElseThrow();

        assertThat(status).isEqualTo(new GitStatus("main", false, 0, 0, 0, false, repo.commonDir()));
        assertThat(status.branch()).isEqualTo(repo.revParse("--abbrev-ref", "HEAD"));
    }

    @Test
    void dirtyRepositoryCountsModifiedAddedAndBinaryFilesLikeGitDiffNumstat() {
        GitRepo repo = GitRepo.withCommit(temp.resolve("dirty"));
        repo.write("a.txt", "one\nTWO\nthree\nfour\n");
        repo.write("b.txt", "new\nfile\n");
        repo.writeBytes("picture.bin", new byte[] {0, 1, 2, 0, (byte) 0xff, 0, 3});
        repo.git("add", "b.txt", "picture.bin");
        repo.write("untracked.txt", "not counted by diff, but dirty\n");

        GitStatus status = reader.read(repo.dir()).orElseThrow();

        int[] git = repo.numstatTotals();
        assertThat(new int[] {status.changedFiles(), status.insertions(), status.deletions()}).containsExactly(git);
        assertThat(git).containsExactly(3, 4, 1);
        assertThat(status.dirty()).isTrue();
        assertThat(status.worktree()).isFalse();
    }

    @Test
    void aChangeStagedAndUndoneInTheWorkingTreeIsDirtyWithoutDiffCounts() {
        GitRepo repo = GitRepo.withCommit(temp.resolve("staged"));
        repo.write("a.txt", "staged\n");
        repo.git("add", "a.txt");
        repo.write("a.txt", "one\ntwo\nthree\n");

        GitStatus status = reader.read(repo.dir()).orElseThrow();

        assertThat(status).isEqualTo(new GitStatus("main", true, 0, 0, 0, false, repo.commonDir()));
    }

    @Test
    void anEditedWorkingTreeIsReadWithoutAStatusScan() {
        GitRepo repo = GitRepo.withCommit(temp.resolve("edited"));
        reader.read(repo.dir()).orElseThrow();
        long clean = git.started();
        repo.write("a.txt", "one\ntwo\nthree\nfour\n");

        GitStatus status = reader.read(repo.dir()).orElseThrow();

        assertThat(status.dirty()).isTrue();
        assertThat(status.insertions()).isEqualTo(1);
        assertThat(git.started() - clean).as("rev-parse, symbolic-ref and diff-index; no status").isEqualTo(3);
    }

    @Test
    void untrackedFileAloneMakesTheRepositoryDirtyWithoutDiffCounts() {
        GitRepo repo = GitRepo.withCommit(temp.resolve("untracked"));
        repo.write("notes.txt", "scratch\n");

        GitStatus status = reader.read(repo.dir()).orElseThrow();

        assertThat(status).isEqualTo(new GitStatus("main", true, 0, 0, 0, false, repo.commonDir()));
    }

    @Test
    void freshRepositoryWithoutCommitReportsItsBranchAndDiffsAgainstTheEmptyTree() {
        GitRepo repo = GitRepo.init(temp.resolve("fresh"));
        assertThat(reader.read(repo.dir())).contains(new GitStatus("main", false, 0, 0, 0, false, repo.commonDir()));

        repo.write("first.txt", "a\nb\n");
        repo.git("add", "first.txt");

        assertThat(reader.read(repo.dir())).contains(new GitStatus("main", true, 1, 2, 0, false, repo.commonDir()));
        assertThat(repo.git("diff", "--cached", "--numstat")).isEqualTo("2\t0\tfirst.txt\n");
    }

    @Test
    void readingNeverRewritesTheIndexEvenWhenFileTimesChanged() throws IOException {
        GitRepo repo = GitRepo.withCommit(temp.resolve("stat-dirty"));
        Path index = repo.dir().resolve(".git/index");
        Files.setLastModifiedTime(repo.dir().resolve("a.txt"), FileTime.from(Instant.now().plusSeconds(60)));
        byte[] before = Files.readAllBytes(index);
        FileTime touched = Files.getLastModifiedTime(index);

        assertThat(reader.read(repo.dir())).contains(new GitStatus("main", false, 0, 0, 0, false, repo.commonDir()));
        assertThat(Files.getLastModifiedTime(index)).isEqualTo(touched);
        assertThat(Files.readAllBytes(index)).isEqualTo(before);
    }

    @Test
    void detachedHeadReportsHeadAsGitDoes() {
        GitRepo repo = GitRepo.withCommit(temp.resolve("detached"));
        repo.git("checkout", "-q", "--detach");

        GitStatus status = reader.read(repo.dir()).orElseThrow();

        assertThat(status.branch()).isEqualTo("HEAD").isEqualTo(repo.revParse("--abbrev-ref", "HEAD"));
    }

    @Test
    void linkedWorktreeSharesTheRepositoryKeyAndHasItsOwnBranch() {
        GitRepo main = GitRepo.withCommit(temp.resolve("main"));
        Path linked = temp.resolve("linked");
        main.git("worktree", "add", "-q", "-b", "feature", linked.toString());
        GitRepo worktree = new GitRepo(linked);
        worktree.write("a.txt", "one\n");

        GitStatus mainStatus = reader.read(main.dir()).orElseThrow();
        GitStatus worktreeStatus = reader.read(linked).orElseThrow();

        assertThat(mainStatus.worktree()).isFalse();
        assertThat(worktreeStatus.worktree()).isTrue();
        assertThat(worktreeStatus.repositoryKey()).isEqualTo(mainStatus.repositoryKey()).isEqualTo(main.commonDir());
        assertThat(worktreeStatus.branch()).isEqualTo("feature").isEqualTo(worktree.revParse("--abbrev-ref", "HEAD"));
        assertThat(worktreeStatus.dirty()).isTrue();
        assertThat(new int[] {worktreeStatus.changedFiles(), worktreeStatus.insertions(), worktreeStatus.deletions()})
                .containsExactly(worktree.numstatTotals()).containsExactly(1, 0, 2);
        assertThat(reader.inspect(linked).orElseThrow().gitDir()).isEqualTo(Path.of(main.commonDir(), "worktrees", "linked"));
    }

    @Test
    void subdirectoryResolvesToItsRepository() throws IOException {
        GitRepo repo = GitRepo.withCommit(temp.resolve("root"));
        Path nested = Files.createDirectories(repo.dir().resolve("src/deep"));

        assertThat(reader.read(nested)).isEqualTo(reader.read(repo.dir()));
        assertThat(reader.read(nested).orElseThrow().repositoryKey()).isEqualTo(repo.commonDir());
    }

    @Test
    void directoryOutsideAnyRepositoryHasNoStatus() throws IOException {
        Path plain = Files.createDirectories(temp.resolve("plain"));

        assertThat(reader.read(plain)).isEmpty();
        assertThat(reader.read(temp.resolve("missing"))).isEmpty();
    }

    @Test
    void directoryWithSpacesAndUnicodeIsReadAsIs() {
        GitRepo repo = GitRepo.withCommit(temp.resolve("my repo ünïcødé ✓"));
        repo.git("checkout", "-q", "-b", "fix/straße");

        GitStatus status = reader.read(repo.dir()).orElseThrow();

        assertThat(status.branch()).isEqualTo("fix/straße").isEqualTo(repo.revParse("--abbrev-ref", "HEAD"));
        assertThat(status.repositoryKey()).isEqualTo(repo.commonDir()).contains("my repo ünïcødé ✓");
    }

    @Test
    void missingGitMeansNoStatus() {
        GitRepo repo = GitRepo.withCommit(temp.resolve("repo"));
        GitReader withoutGit = new GitReader(new GitProcesses(temp.resolve("no-such-git").toString(),
                Duration.ofSeconds(2)));

        assertThat(withoutGit.read(repo.dir())).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @CsvSource({
        "git version 2.39.5, true",
        "git version 2.31.0, true",
        "git version 2.30.9, false",
        "git version 1.9.1, false",
        "git version 3.0.0, true",
        "git version 2.45.1.windows.1, true",
        "not git, false"
    })
    void absolutePathsNeedGit231(String version, boolean supported) {
        assertThat(GitReader.supportsAbsolutePaths(version)).isEqualTo(supported);
    }
}
