package dev.opensessions.adapters.tmux.git;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One watch service and one thread for the folder watchers of the git reads (the git folders and the working
 * trees): the JDK starts a thread of its own for each watch service, so sharing one saves two threads. The
 * thread blocks on the watch service (nothing runs while nothing changes), hands each signalled key's events to
 * every watcher, passes the directories they say were affected on, and re-arms the key. It ends when closed.
 */
final class WatchLoop implements Closeable {

    /** A watcher of the loop: the directories a key's events affect, none when the key is not its own. */
    interface Watcher {
        Set<String> affected(WatchKey key, List<WatchEvent<?>> events);
    }

    private final WatchService service;
    private final List<Watcher> watchers = new CopyOnWriteArrayList<>();
    private final Consumer<String> onChange;
    private final Thread thread;

    /** Starts the loop on a daemon thread of that name; {@code onChange} is called on it. */
    WatchLoop(String name, Consumer<String> onChange) {
        this.onChange = Objects.requireNonNull(onChange, "onChange");
        try {
            this.service = FileSystems.getDefault().newWatchService();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot watch " + name, e);
        }
        this.thread = Thread.ofPlatform().name(name).daemon().start(this::run);
    }

    /** The watch service watchers register their folders with. */
    WatchService service() {
        return service;
    }

    void add(Watcher watcher) {
        watchers.add(Objects.requireNonNull(watcher, "watcher"));
    }

    /** Ends the loop: closes the watch service, which wakes the thread, and interrupts it. */
    @Override
    public void close() {
        try {
            service.close();
        } catch (IOException ignored) {
            // Closing only releases inotify descriptors; there is nothing left to recover.
        }
        thread.interrupt();
    }

    private void run() {
        try {
            while (true) {
                WatchKey key = service.take();
                List<WatchEvent<?>> events = key.pollEvents();
                Set<String> affected = new HashSet<>();
                watchers.forEach(watcher -> affected.addAll(watcher.affected(key, events)));
                key.reset();
                affected.forEach(onChange);
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException closed) {
            // The loop was closed: the thread's work is over.
        }
    }
}
