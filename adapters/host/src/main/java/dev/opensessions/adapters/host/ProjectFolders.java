package dev.opensessions.adapters.host;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.EnumSet;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The folders under some roots, as the sessionizer's {@code find -mindepth 1 -maxdepth N -type d} lists them:
 * hidden folders and everything in them skipped, linked folders followed but a link back up (a loop) not,
 * unreadable folders passed over, sorted and unique.
 */
final class ProjectFolders {

    private final List<Path> roots;
    private final int depth;

    ProjectFolders(List<Path> roots, int depth) {
        this.roots = List.copyOf(roots);
        this.depth = depth;
    }

    List<String> list(int limit) {
        if (limit < 1) {
            return List.of();
        }
        SortedSet<String> found = new TreeSet<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                walk(root, found);
            }
        }
        return found.stream().limit(limit).toList();
    }

    private void walk(Path root, SortedSet<String> found) {
        try {
            Files.walkFileTree(root, EnumSet.of(FileVisitOption.FOLLOW_LINKS), depth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (dir.getFileName().toString().startsWith(".")) {
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    found.add(dir.toString());
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    // At the depth limit folders arrive here rather than in preVisitDirectory.
                    if (attributes.isDirectory() && !file.getFileName().toString().startsWith(".")) {
                        found.add(file.toString());
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException failed) {
                    // A loop (FileSystemLoopException) or a folder we may not read: left out, the walk goes on.
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException unreadable) {
            // The root vanished or cannot be read; the other roots still count.
        }
    }
}
