package dev.opensessions.adapters.tmux.git;

import dev.opensessions.domain.session.GitStatus;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the git status of a directory by running a few read-only git commands in it.
 */
public final class GitReader {

    private static final Pattern VERSION = Pattern.compile("git version (\\d+)\\.(\\d+)");

    private final GitProcesses git;
    private volatile Boolean absolutePaths;

    public GitReader(GitProcesses git) {
        this.git = Objects.requireNonNull(git, "git");
    }

    /** The status of the repository holding {@code directory}; empty when it is none or git failed. */
    public Optional<GitStatus> read(Path directory) {
        return inspect(directory).map(GitReading::status);
    }

    /** Like {@link #read}, with the git folders the status came from. */
    public Optional<GitReading> inspect(Path directory) {
        Optional<Location> location = locate(directory);
        if (location.isEmpty()) {
            return Optional.empty();
        }
        Location where = location.get();
        Optional<String> branch = branch(directory);
        Optional<DiffTotals> diff = diff(directory, where.hasCommit());
        if (branch.isEmpty() || diff.isEmpty()) {
            return Optional.empty();
        }
        DiffTotals totals = diff.get();
        Optional<Boolean> dirty = totals.files() > 0 ? Optional.of(true) : dirtyWithoutDiff(directory);
        if (dirty.isEmpty()) {
            return Optional.empty();
        }
        GitStatus gitStatus = new GitStatus(branch.get(), dirty.get(), totals.files(),
                totals.insertions(), totals.deletions(), !where.gitDir().equals(where.commonDir()),
                where.commonDir().toString());
        return Optional.of(new GitReading(gitStatus, where.gitDir(), where.commonDir()));
    }

    /**
     * Whether {@code status --porcelain} lists anything: untracked files, or a change staged and then undone
     * in the working tree. Asked only when the working tree does not differ from HEAD, since any such
     * difference is a status line too; an edit, the common case, so costs one full scan of the tree, not two.
     */
    private Optional<Boolean> dirtyWithoutDiff(Path directory) {
        return git.run(directory, "status", "--porcelain").filter(GitRun::succeeded)
                .map(run -> !run.output().isBlank());
    }

    /** A working tree's top folder and the files git tracks in it, relative to the top. */
    public record WorkingTree(Path top, List<String> files) {
    }

    /**
     * The working tree holding {@code directory} and its tracked files ({@code ls-files -z}, so no name is
     * quoted); empty outside a working tree (a bare repository, a git folder) or when git failed.
     */
    public Optional<WorkingTree> workingTree(Path directory) {
        Optional<Path> top = git.run(directory, "rev-parse", "--show-toplevel").filter(GitRun::succeeded)
                .map(GitRun::line).filter(line -> !line.isEmpty()).map(line -> real(directory.resolve(line)));
        return top.flatMap(folder -> git.run(folder, "ls-files", "-z").filter(GitRun::succeeded)
                .map(run -> new WorkingTree(folder, List.of(run.output().split("\0")).stream()
                        .filter(name -> !name.isEmpty()).toList())));
    }

    /** Where the repository's folders are, and whether HEAD has a commit yet. */
    private record Location(Path gitDir, Path commonDir, boolean hasCommit) {
    }

    /**
     * One {@code rev-parse} answers all three: it prints both folders, then HEAD's id and exits 0, or
     * (quietly, with {@code --verify -q}) exits 1 when HEAD has no commit yet; outside a repository it
     * exits 128.
     */
    private Optional<Location> locate(Path directory) {
        List<String> arguments = new ArrayList<>(List.of("rev-parse"));
        if (absolutePaths()) {
            arguments.add("--path-format=absolute");
        }
        arguments.addAll(List.of("--git-dir", "--git-common-dir", "--verify", "--quiet", "HEAD"));
        Optional<GitRun> run = git.run(directory, arguments.toArray(String[]::new));
        if (run.isEmpty() || run.get().exitCode() > 1) {
            return Optional.empty();
        }
        List<String> lines = run.get().output().lines().toList();
        if (lines.size() < 2) {
            return Optional.empty();
        }
        // Older git prints these relative to the directory it ran in; resolving leaves absolute paths as they are.
        return Optional.of(new Location(real(directory.resolve(lines.get(0))), real(directory.resolve(lines.get(1))),
                run.get().succeeded()));
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException gone) {
            return path.toAbsolutePath().normalize();
        }
    }

    /**
     * {@code symbolic-ref} rather than {@code rev-parse --abbrev-ref HEAD}, because it also names the
     * branch of a repository without commits. It fails quietly (exit 1) on a detached HEAD, which
     * {@code rev-parse --abbrev-ref} reports as {@code HEAD}.
     */
    private Optional<String> branch(Path directory) {
        return git.run(directory, "symbolic-ref", "--quiet", "--short", "HEAD")
                .map(run -> run.succeeded() ? run.line() : "HEAD");
    }

    /**
     * Sums {@code diff-index --numstat HEAD}: the plumbing form of the reference's {@code git diff --numstat HEAD --},
     * because the porcelain rewrites the index when file times changed (even with optional locks off),
     * which would race the user's git and wake our own index watch. {@code -M} matches the porcelain's
     * default rename detection, so a rename is one file. Without a commit, the diff is against the empty tree.
     */
    private Optional<DiffTotals> diff(Path directory, boolean hasCommit) {
        Optional<String> base = hasCommit ? Optional.of("HEAD") : emptyTree(directory);
        return base.flatMap(tree -> git.run(directory, "diff-index", "-M", "--numstat", tree, "--"))
                .filter(GitRun::succeeded)
                .map(run -> DiffTotals.parse(run.output()));
    }

    /** The empty tree's id in this repository's hash (SHA-1 or SHA-256); stdin is closed, so it hashes nothing. */
    private Optional<String> emptyTree(Path directory) {
        return git.run(directory, "hash-object", "-t", "tree", "--stdin").filter(GitRun::succeeded).map(GitRun::line);
    }

    /** Whether this git knows {@code rev-parse --path-format=absolute} (2.31 and later); asked once. */
    private boolean absolutePaths() {
        Boolean known = absolutePaths;
        if (known == null) {
            known = git.run(Path.of("."), "version").map(run -> supportsAbsolutePaths(run.line())).orElse(false);
            absolutePaths = known;
        }
        return known;
    }

    static boolean supportsAbsolutePaths(String version) {
        Matcher matcher = VERSION.matcher(version);
        if (!matcher.find()) {
            return false;
        }
        int major = Integer.parseInt(matcher.group(1));
        int minor = Integer.parseInt(matcher.group(2));
        return major > 2 || (major == 2 && minor >= 31);
    }
}
