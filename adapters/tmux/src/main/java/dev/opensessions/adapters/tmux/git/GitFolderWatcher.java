package dev.opensessions.adapters.tmux.git;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Watches the git folders of tracked directories and names the directory whose repository moved: HEAD or
 * the index in its git folder, packed-refs in the common folder, or any branch under refs/heads.
 */
final class GitFolderWatcher implements Closeable {

    /** Files git replaces (by renaming a {@code .lock} file over them) when HEAD, the index or refs move. */
    private static final Set<String> GIT_FILES = Set.of("HEAD", "index", "packed-refs");
    /** Branch names may hold slashes, so refs/heads is a tree; a branch nested deeper than this is not watched. */
    private static final int REFS_DEPTH = 8;

    private final WatchService watchService;
    private final Map<Path, Watch> watches = new HashMap<>();
    private final Map<String, Set<Path>> foldersByDirectory = new HashMap<>();

    /** The loop's {@code onChange} is called on its thread, once per affected directory and event batch. */
    GitFolderWatcher(WatchLoop loop) {
        this.watchService = loop.service();
        loop.add(this::affected);
    }

    /** Watches the folders of {@code reading} for {@code directory}, replacing what it watched before. */
    synchronized void watch(String directory, GitReading reading) {
        Set<Path> gitFolders = Set.copyOf(List.of(reading.gitDir(), reading.commonDir()));
        Set<Path> branchFolders = branchFolders(reading.commonDir().resolve("refs").resolve("heads"));
        Set<Path> current = foldersByDirectory.getOrDefault(directory, Set.of());
        current.stream().filter(folder -> !gitFolders.contains(folder) && !branchFolders.contains(folder))
                .toList().forEach(folder -> release(directory, folder));
        Set<Path> registered = new HashSet<>();
        gitFolders.stream().filter(folder -> register(directory, folder, false)).forEach(registered::add);
        branchFolders.stream().filter(folder -> register(directory, folder, true)).forEach(registered::add);
        foldersByDirectory.put(directory, registered);
    }

    /** Stops watching for {@code directory}; folders no other directory needs are no longer watched. */
    synchronized void forget(String directory) {
        Set<Path> folders = foldersByDirectory.remove(directory);
        if (folders != null) {
            folders.forEach(folder -> release(directory, folder));
        }
    }

    /** How many folders are watched; lets tests see that forgotten directories release their watches. */
    synchronized int watchedFolders() {
        return watches.size();
    }

    private static Set<Path> branchFolders(Path refsHeads) {
        if (!Files.isDirectory(refsHeads)) {
            return Set.of();
        }
        try (Stream<Path> tree = Files.walk(refsHeads, REFS_DEPTH)) {
            return tree.filter(Files::isDirectory).collect(Collectors.toSet());
        } catch (IOException | UncheckedIOException changing) {
            // A branch folder vanished mid-walk (a branch was deleted); the next event brings a fresh walk.
            return Set.of(refsHeads);
        }
    }

    /** One watched folder: its key, whether it holds branches, and the directories that need it. */
    private record Watch(WatchKey key, boolean branches, Set<String> directories) {
    }

    private boolean register(String directory, Path folder, boolean branches) {
        Watch watch = watches.get(folder);
        if (watch == null) {
            try {
                WatchKey key = folder.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                        StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
                watch = new Watch(key, branches, new HashSet<>());
                watches.put(folder, watch);
            } catch (IOException | ClosedWatchServiceException unwatchable) {
                return false;
            }
        }
        watch.directories().add(directory);
        return true;
    }

    private void release(String directory, Path folder) {
        Watch watch = watches.get(folder);
        if (watch == null) {
            return;
        }
        watch.directories().remove(directory);
        if (watch.directories().isEmpty()) {
            watches.remove(folder);
            watch.key().cancel();
        }
    }

    private synchronized Set<String> affected(WatchKey key, List<WatchEvent<?>> events) {
        Watch watch = watches.get((Path) key.watchable());
        if (watch == null) {
            return Set.of();
        }
        boolean moved = events.stream().anyMatch(event -> event.kind() == StandardWatchEventKinds.OVERFLOW
                || relevant(event.context(), watch.branches()));
        return moved ? Set.copyOf(watch.directories()) : Set.of();
    }

    /** Lock files come and go on every git write; only the file renamed into place says something moved. */
    private static boolean relevant(Object context, boolean branches) {
        String name = context.toString();
        if (name.endsWith(".lock")) {
            return false;
        }
        return branches || GIT_FILES.contains(name);
    }

    /** Stops watching every folder; the loop goes on for its other watchers. */
    @Override
    public synchronized void close() {
        watches.values().forEach(watch -> watch.key().cancel());
        watches.clear();
        foldersByDirectory.clear();
    }
}
