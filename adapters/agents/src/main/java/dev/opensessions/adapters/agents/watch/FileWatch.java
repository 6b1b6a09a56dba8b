package dev.opensessions.adapters.agents.watch;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Watches a folder tree with the platform's WatchService and reports every regular file that was created,
 * modified or deleted (a deleted path no longer exists when reported). New subfolders are registered as they
 * appear; a missing root is waited for by watching its nearest existing parent. A slow rescan is the safety net
 * for lost events (queue overflow, races while registering). Every watch of the process shares one WatchService
 * and one daemon thread ({@link WatchHub}): the listener is called on it, and between events it is blocked in
 * the WatchService, never spinning.
 */
public final class FileWatch implements AutoCloseable {

    public static final Duration DEFAULT_RESCAN = Duration.ofSeconds(30);

    private static final System.Logger LOG = System.getLogger(FileWatch.class.getName());

    private final String name;
    private final Path root;
    private final int maxDepth;
    private final Consumer<Path> listener;
    private final Duration rescan;
    private final WatchHub hub;
    private final WatchHub.Member member = new WatchHub.Member() {
        @Override
        public void changed(Path folder, List<WatchEvent<?>> events, boolean valid) {
            handle(folder, events, valid);
        }

        @Override
        public void due() {
            rescan();
        }
    };
    /** The folders watched, touched only on the hub's thread. */
    private final Set<Path> folders = new HashSet<>();
    private final AtomicInteger registrations = new AtomicInteger();
    private final AtomicInteger rescans = new AtomicInteger();
    private boolean attached;
    private boolean started;

    /**
     * @param maxDepth how deep files are reported below {@code root} (1: its own files only); folders are
     *                 watched down to one level above that
     * @param listener called on the watch thread with each changed file
     */
    public FileWatch(String name, Path root, int maxDepth, Consumer<Path> listener, Duration rescan) {
        this(name, root, maxDepth, listener, rescan, WatchHub.shared());
    }

    FileWatch(String name, Path root, int maxDepth, Consumer<Path> listener, Duration rescan, WatchHub hub) {
        this.name = Objects.requireNonNull(name, "name");
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.listener = Objects.requireNonNull(listener, "listener");
        this.rescan = Objects.requireNonNull(rescan, "rescan");
        this.hub = Objects.requireNonNull(hub, "hub");
        if (maxDepth < 1) {
            throw new IllegalArgumentException("maxDepth must be at least 1: " + maxDepth);
        }
        this.maxDepth = maxDepth;
    }

    /** Reports every file already there, then every change, until closed. */
    public synchronized void start() {
        if (started) {
            throw new IllegalStateException("already started");
        }
        started = true;
        hub.join(member, rescan);
    }

    /** Stops the watch; once it returns the listener is not called again (unless it is running this). */
    @Override
    public void close() {
        hub.leave(member);
    }

    /** Folders registered with the WatchService so far, for tests that check a rescan adds none. */
    int registrations() {
        return registrations.get();
    }

    /** Fallback rescans run so far. */
    int rescans() {
        return rescans.get();
    }

    /** The watch thread (shared by every watch of the hub), for tests that check it is blocked while nothing changes. */
    Thread thread() {
        return hub.thread();
    }

    /** The first call attaches the watch; later ones are the fallback rescan after an interval without events. */
    private void rescan() {
        attach();
        if (attached) {
            rescans.incrementAndGet();
        }
        attached = true;
    }

    /**
     * Watches the root tree and reports its files, or the nearest existing parent while the root is missing. A
     * folder on the way may appear just before its parent's registration takes effect, raising no event, so
     * the nearest parent is looked for again until it stays the same.
     */
    private void attach() {
        while (true) {
            if (Files.isDirectory(root)) {
                cancelOutside(root);
                registerTree(root);
                scan(root);
                return;
            }
            Path parent = root.getParent();
            while (parent != null && !Files.isDirectory(parent)) {
                parent = parent.getParent();
            }
            if (parent == null || folders.contains(parent) && hub.watching(member, parent)) {
                return;
            }
            cancelOutside(parent);
            if (!register(parent)) {
                return;
            }
        }
    }

    private void handle(Path dir, List<WatchEvent<?>> events, boolean valid) {
        if (!valid) {
            folders.remove(dir);
        }
        if (!dir.startsWith(root)) {
            // A parent of the missing root changed: the root, or a folder on the way to it, may exist now.
            attach();
            return;
        }
        boolean lost = false;
        for (WatchEvent<?> event : events) {
            if (event.kind() == StandardWatchEventKinds.OVERFLOW) {
                lost = true;
                continue;
            }
            Path child = dir.resolve((Path) event.context());
            int depth = depth(child);
            if (Files.isDirectory(child)) {
                if (depth < maxDepth) {
                    registerTree(child);
                    scan(child);
                }
            } else if (depth <= maxDepth) {
                report(child);
            }
        }
        if (lost || !Files.isDirectory(root)) {
            attach();
        }
    }

    private int depth(Path path) {
        return path.equals(root) ? 0 : root.relativize(path).getNameCount();
    }

    /**
     * Registers a folder, then lists it and registers its subfolders the same way: a subfolder created before
     * the listing is listed, one created after the registration raises an event, so none is missed.
     */
    private void registerTree(Path dir) {
        if (!register(dir) || depth(dir) + 1 >= maxDepth) {
            return;
        }
        try (DirectoryStream<Path> children = Files.newDirectoryStream(dir, Files::isDirectory)) {
            for (Path child : children) {
                registerTree(child);
            }
        } catch (IOException | DirectoryIteratorException e) {
            LOG.log(System.Logger.Level.DEBUG, "folder vanished while registering " + dir, e);
        }
    }

    /**
     * Watches a folder unless it is watched already: a registration is a request to the WatchService's own
     * thread (a write on its wake-up socket), which the fallback rescan would otherwise repeat for every folder.
     */
    private boolean register(Path dir) {
        if (folders.contains(dir) && hub.watching(member, dir)) {
            return true;
        }
        if (!hub.watch(member, dir)) {
            return false;
        }
        folders.add(dir);
        registrations.incrementAndGet();
        return true;
    }

    private void cancelOutside(Path keep) {
        folders.removeIf(folder -> {
            boolean outside = !folder.startsWith(keep);
            if (outside) {
                hub.unwatch(member, folder);
            }
            return outside;
        });
    }

    private void scan(Path dir) {
        int below = maxDepth - depth(dir);
        try (Stream<Path> files = Files.walk(dir, Math.max(below, 0))) {
            files.filter(Files::isRegularFile).forEach(this::report);
        } catch (IOException | UncheckedIOException e) {
            LOG.log(System.Logger.Level.DEBUG, "folder vanished while scanning " + dir, e);
        }
    }

    private void report(Path file) {
        try {
            listener.accept(file);
        } catch (RuntimeException e) {
            // One bad file must not stop the watch of every other one.
            LOG.log(System.Logger.Level.WARNING, "watch " + name + " failed on " + file, e);
        }
    }
}
