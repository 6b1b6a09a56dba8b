package dev.opensessions.server.acceptance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Real git repositories with real {@code git worktree}s in temp folders, the sidebar's worktree groups. */
final class GitRepos {

    private GitRepos() {
    }

    /**
     * A repository in {@code root/name} with one commit on {@code main}, and a linked worktree per branch in
     * {@code root/<branch>}; returns the main checkout followed by the worktrees.
     */
    static List<Path> withWorktrees(Path root, String name, String... branches) throws IOException {
        Path main = Files.createDirectories(root.resolve(name));
        git(main, "init", "-q", "-b", "main");
        Files.writeString(main.resolve("README"), "hello\n");
        git(main, "add", "README");
        git(main, "-c", "user.name=it", "-c", "user.email=it@localhost", "commit", "-q", "-m", "init");
        List<Path> checkouts = new ArrayList<>(List.of(main));
        for (String branch : branches) {
            Path worktree = root.resolve(branch);
            git(main, "worktree", "add", "-q", "-b", branch, worktree.toString());
            checkouts.add(worktree);
        }
        return checkouts;
    }

    private static void git(Path directory, String... arguments) throws IOException {
        List<String> argv = new ArrayList<>(List.of("git"));
        argv.addAll(List.of(arguments));
        Process process = new ProcessBuilder(argv).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new AssertionError(String.join(" ", argv) + ": " + output);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", interrupted);
        }
    }
}
