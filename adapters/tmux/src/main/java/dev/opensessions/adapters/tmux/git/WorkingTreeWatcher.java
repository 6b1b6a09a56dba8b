package dev.opensessions.adapters.tmux.git;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Watches the working trees of tracked directories, so an edit (a file saved, created, deleted or renamed)
 * names the directory whose diff counts may have moved. The edit alone never reads git: the caller
 * debounces and reads at most once per cache period; nothing runs while no file changes.
 *
 * <p>Only folders that hold files git tracks are watched (one inotify watch each, listed once with
 * {@code git ls-files}), never the git folder, nor ignored build output such as {@code target/} or
 * {@code node_modules/}. The list is taken again when the index changed since (a file added or removed), so a
 * new tracked folder is watched from then on; an untracked folder is not, as its files count in no diff. A
 * working tree with more than {@code maxFolders} such folders has its shallowest {@code maxFolders} watched; an
 * edit deeper than that shows at the next git event or program change. The folders of one working tree are
 * shared by every directory inside it.
 */
final class WorkingTreeWatcher implements Closeable {

    private static final System.Logger LOG = System.getLogger(WorkingTreeWatcher.class.getName());
    private static final String GIT_FOLDER = ".git";

    private final WatchService watchService;
    /** The loop this watcher made for itself, closed with it; null when it shares one. */
    private final WatchLoop ownLoop;
    private final int maxFolders;
    private final Map<Path, Tree> trees = new HashMap<>();
    private final Map<String, Path> treeByDirectory = new HashMap<>();
    private final Map<WatchKey, Tree> treeByKey = new HashMap<>();

    /** One working tree: its watch keys by folder, the tracked directories inside it, the index it was listed at. */
    private static final class Tree {
        final Path top;
        final Map<Path, WatchKey> keys = new HashMap<>();
        final Set<String> directories = new HashSet<>();
        long listedAt;

        Tree(Path top) {
            this.top = top;
        }
    }

    /** {@code onChange} is called on a watch thread of its own, once per affected directory and event batch. */
    WorkingTreeWatcher(Consumer<String> onChange, int maxFolders) {
        this(new WatchLoop("worktree-watch", onChange), maxFolders, true);
    }

    /** Watches through a loop shared with other watchers; its {@code onChange} is told of the changes. */
    WorkingTreeWatcher(WatchLoop loop, int maxFolders) {
        this(loop, maxFolders, false);
    }

    private WorkingTreeWatcher(WatchLoop loop, int maxFolders, boolean owned) {
        if (maxFolders < 1) {
            throw new IllegalArgumentException("maxFolders must be at least 1");
        }
        this.maxFolders = maxFolders;
        this.watchService = loop.service();
        this.ownLoop = owned ? loop : null;
        loop.add(this::affected);
    }

    /**
     * True when {@code directory} is watched in a working tree listed at index stamp {@code stamp}: nothing to
     * list again.
     */
    synchronized boolean current(String directory, long stamp) {
        Path top = treeByDirectory.get(directory);
        Tree tree = top == null ? null : trees.get(top);
        return tree != null && tree.listedAt == stamp;
    }

    /**
     * Watches the working tree {@code top} for {@code directory}: {@code top} and the folders of
     * {@code files} (paths relative to {@code top}, as {@code git ls-files} prints them), shallowest first,
     * listed at index stamp {@code stamp}. A tree already watched for another directory is shared; folders
     * new in the list are added to it.
     */
    synchronized void watch(String directory, Path top, Collection<String> files, long stamp) {
        Path known = treeByDirectory.get(directory);
        if (known != null && !known.equals(top)) {
            forget(directory);
        }
        Tree tree = trees.computeIfAbsent(top, Tree::new);
        if (tree.keys.isEmpty() || tree.listedAt != stamp) {
            long start = System.nanoTime();
            int before = tree.keys.size();
            List<Path> folders = folders(top, files);
            for (Path folder : folders) {
                if (tree.keys.size() >= maxFolders) {
                    break;
                }
                register(tree, folder);
            }
            tree.listedAt = stamp;
            long micros = (System.nanoTime() - start) / 1_000;
            LOG.log(System.Logger.Level.INFO, "watching " + tree.keys.size() + " of " + folders.size()
                    + " folders of the working tree " + top + " (" + files.size() + " tracked files; "
                    + (tree.keys.size() - before) + " registered in " + micros + " µs)");
        }
        tree.directories.add(directory);
        treeByDirectory.put(directory, top);
    }

    /** Stops watching for {@code directory}; a working tree no other directory needs is released. */
    synchronized void forget(String directory) {
        Path top = treeByDirectory.remove(directory);
        Tree tree = top == null ? null : trees.get(top);
        if (tree == null) {
            return;
        }
        tree.directories.remove(directory);
        if (tree.directories.isEmpty()) {
            trees.remove(top);
            tree.keys.values().forEach(key -> {
                key.cancel();
                treeByKey.remove(key);
            });
        }
    }

    /** How many folders are watched in all; lets tests see the cap and the release. */
    synchronized int watchedFolders() {
        return treeByKey.size();
    }

    /** The top folder and every folder holding a tracked file, shallowest first. */
    static List<Path> folders(Path top, Collection<String> files) {
        Set<Path> folders = new HashSet<>();
        folders.add(top);
        for (String file : files) {
            Path parent = Path.of(file).getParent();
            while (parent != null && folders.add(top.resolve(parent))) {
                parent = parent.getParent();
            }
        }
        return folders.stream()
                .sorted(Comparator.comparingInt(Path::getNameCount).thenComparing(Comparator.naturalOrder()))
                .toList();
    }

    private void register(Tree tree, Path folder) {
        if (tree.keys.containsKey(folder)) {
            return;
        }
        try {
            WatchKey key = folder.register(watchService, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            tree.keys.put(folder, key);
            treeByKey.put(key, tree);
        } catch (IOException | ClosedWatchServiceException unwatchable) {
            // Gone already, unreadable, or out of inotify watches: that folder is simply not followed.
        }
    }

    private synchronized Set<String> affected(WatchKey key, List<WatchEvent<?>> events) {
        Tree tree = treeByKey.get(key);
        if (tree == null) {
            return Set.of();
        }
        if (!key.isValid()) {
            // The folder itself was deleted: its watch is gone.
            tree.keys.values().remove(key);
            treeByKey.remove(key);
        }
        boolean changed = false;
        for (WatchEvent<?> event : events) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                changed = true;
                continue;
            }
            Path name = (Path) event.context();
            if (name.toString().equals(GIT_FOLDER)) {
                continue;
            }
            changed = true;
        }
        return changed ? Set.copyOf(tree.directories) : Set.of();
    }

    /** Stops watching every folder, and ends its loop when it made one for itself. */
    @Override
    public void close() {
        synchronized (this) {
            treeByKey.keySet().forEach(WatchKey::cancel);
            treeByKey.clear();
            trees.clear();
            treeByDirectory.clear();
        }
        if (ownLoop != null) {
            ownLoop.close();
        }
    }
}
