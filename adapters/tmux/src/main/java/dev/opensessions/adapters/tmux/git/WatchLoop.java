package dev.opensessions.adapters.tmux.git;

import java.nio.file.ClosedWatchServiceException;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The thread of a folder watcher: it blocks on the watch service (nothing runs while nothing changes), hands
 * each signalled key to the watcher, passes the directories it says were affected on, and re-arms the key. It
 * ends when the watch service is closed or the thread is interrupted.
 */
final class WatchLoop {

    private WatchLoop() {
    }

    /** Starts the loop on a daemon thread of that name. */
    static Thread start(String name, WatchService service, Function<WatchKey, Set<String>> affected,
                        Consumer<String> onChange) {
        return Thread.ofPlatform().name(name).daemon().start(() -> run(service, affected, onChange));
    }

    private static void run(WatchService service, Function<WatchKey, Set<String>> affected,
                            Consumer<String> onChange) {
        try {
            while (true) {
                WatchKey key = service.take();
                affected.apply(key).forEach(onChange);
                key.reset();
            }
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        } catch (ClosedWatchServiceException closed) {
            // The watcher was closed: the thread's work is over.
        }
    }
}
