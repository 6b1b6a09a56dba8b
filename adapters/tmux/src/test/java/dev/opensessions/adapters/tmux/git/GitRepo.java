package dev.opensessions.adapters.tmux.git;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A real git repository for a test, driven by the real git command line with the user's config shut out. */
record GitRepo(Path dir) {

    /** A repository on branch {@code main} with one commit holding {@code a.txt}. */
    static GitRepo withCommit(Path dir) {
        GitRepo repo = init(dir);
        repo.write("a.txt", "one\ntwo\nthree\n");
        repo.git("add", "a.txt");
        repo.git("commit", "-q", "-m", "first");
        return repo;
    }

    /** A repository on branch {@code main} without any commit. */
    static GitRepo init(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        GitRepo repo = new GitRepo(dir);
        repo.git("init", "-q", "-b", "main");
        return repo;
    }

    /** Runs git in the repository, fails the test on a non-zero exit, and returns stdout. */
    String git(String... arguments) {
        return gitIn(dir, arguments);
    }

    static String gitIn(Path dir, String... arguments) {
        List<String> argv = new ArrayList<>(List.of("git", "-C", dir.toString()));
        argv.addAll(List.of(arguments));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        Map<String, String> env = builder.environment();
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("GIT_AUTHOR_NAME", "Test");
        env.put("GIT_AUTHOR_EMAIL", "test@example.com");
        env.put("GIT_COMMITTER_NAME", "Test");
        env.put("GIT_COMMITTER_EMAIL", "test@example.com");
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError("git " + arguments[0] + " failed: " + output);
            }
            return output;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    GitRepo write(String file, String content) {
        return writeBytes(file, content.getBytes(StandardCharsets.UTF_8));
    }

    GitRepo writeBytes(String file, byte[] content) {
        try {
            Path path = dir.resolve(file);
            Files.createDirectories(path.getParent());
            Files.write(path, content);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What {@code git rev-parse} says about the repository, as one trimmed line. */
    String revParse(String... arguments) {
        List<String> argv = new ArrayList<>(List.of("rev-parse"));
        argv.addAll(List.of(arguments));
        return git(argv.toArray(String[]::new)).strip();
    }

    /** The repository key git itself gives: the absolute, real common git folder. */
    String commonDir() {
        try {
            return Path.of(revParse("--path-format=absolute", "--git-common-dir")).toRealPath().toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Sums git's own {@code diff --numstat HEAD --} output, as the reference for the reader's counts. */
    int[] numstatTotals() {
        int[] totals = new int[3];
        git("diff", "--numstat", "HEAD", "--").lines().map(line -> line.split("\t", 3)).forEach(fields -> {
            totals[0]++;
            totals[1] += fields[0].equals("-") ? 0 : Integer.parseInt(fields[0]);
            totals[2] += fields[1].equals("-") ? 0 : Integer.parseInt(fields[1]);
        });
        return totals;
    }
}
