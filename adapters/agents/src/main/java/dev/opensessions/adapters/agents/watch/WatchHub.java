package dev.opensessions.adapters.agents.watch;

import java.io.IOException;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchEvent;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * One platform WatchService and one daemon thread, {@code file-watch}, for every {@link FileWatch} of the
 * process: the JDK starts a thread of its own for each WatchService, so a watch per agent source, the settings
 * and the screen rules cost two threads each (their stacks and their share of the C library's arenas). The
 * thread blocks in the WatchService while nothing changes; it wakes for a folder's events, hands them to every
 * member that watches that folder, and for a member whose rescan is due (members due within a tenth of their
 * interval of each other are rescanned together, so the idle wake-ups do not add up member by member). The
 * WatchService and the thread exist only while a member has joined.
 */
final class WatchHub {

    private static final System.Logger LOG = System.getLogger(WatchHub.class.getName());
    private static final WatchHub SHARED = new WatchHub("file-watch");
    private static final Duration CLOSE_WAIT = Duration.ofSeconds(5);

    /** What a member of the hub is told, always on the hub's thread and never twice at once. */
    interface Member {
        /** Events of one of its folders; {@code valid} is false when the folder is no longer watched (gone). */
        void changed(Path folder, List<WatchEvent<?>> events, boolean valid);

        /** Its rescan is due: at once after joining, then after each interval without an event of its own. */
        void due();
    }

    /** A watched folder and the members that watch it (the platform gives one key per folder and service). */
    private record Folder(Path path, WatchKey key, Set<Member> members) {
    }

    private final String name;
    private final Map<Member, Long> dueAt = new LinkedHashMap<>();
    private final Map<Member, Long> intervals = new HashMap<>();
    private final Map<WatchKey, Folder> folders = new HashMap<>();
    private final Map<Path, Folder> byPath = new HashMap<>();
    private WatchService service;
    private Thread thread;
    private boolean waiting;
    private Member running;

    WatchHub(String name) {
        this.name = Objects.requireNonNull(name, "name");
    }

    /** The hub every FileWatch of the process uses unless given its own. */
    static WatchHub shared() {
        return SHARED;
    }

    /** Adds a member, opening the WatchService and starting the thread for the first; its first rescan is due now. */
    synchronized void join(Member member, Duration rescan) {
        if (service == null) {
            try {
                service = FileSystems.getDefault().newWatchService();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot watch files", e);
            }
            WatchService opened = service;
            thread = Thread.ofPlatform().daemon().name(name).start(() -> run(opened));
        }
        intervals.put(member, rescan.toNanos());
        dueAt.put(member, System.nanoTime());
        wake();
    }

    /**
     * Removes a member and its folders; once it returns no call reaches the member (unless it is called from
     * the member's own call, or that call takes longer than 5 s). The last member closes the WatchService and
     * ends the thread.
     */
    void leave(Member member) {
        Thread ended = null;
        synchronized (this) {
            if (dueAt.remove(member) == null) {
                return;
            }
            intervals.remove(member);
            new ArrayList<>(byPath.values()).stream().filter(folder -> folder.members().contains(member))
                    .forEach(folder -> release(member, folder));
            long end = System.nanoTime() + CLOSE_WAIT.toNanos();
            while (running == member && Thread.currentThread() != thread && System.nanoTime() < end) {
                try {
                    TimeUnit.NANOSECONDS.timedWait(this, end - System.nanoTime());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
            if (dueAt.isEmpty() && service != null) {
                closeService();
                ended = thread;
                thread = null;
            }
        }
        if (ended != null && ended != Thread.currentThread()) {
            try {
                ended.join(CLOSE_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Watches a folder for a member (creations, changes, deletions of its entries); false when it cannot. */
    synchronized boolean watch(Member member, Path dir) {
        if (service == null || !dueAt.containsKey(member)) {
            return false;
        }
        try {
            WatchKey key = dir.register(service, StandardWatchEventKinds.ENTRY_CREATE,
                    StandardWatchEventKinds.ENTRY_MODIFY, StandardWatchEventKinds.ENTRY_DELETE);
            Folder folder = folders.get(key);
            if (folder == null) {
                Folder stale = byPath.remove(dir);
                if (stale != null) {
                    folders.remove(stale.key());
                }
                folder = new Folder(dir, key, new HashSet<>());
                folders.put(key, folder);
                byPath.put(dir, folder);
            }
            folder.members().add(member);
            return true;
        } catch (IOException | ClosedWatchServiceException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot watch " + dir, e);
            return false;
        }
    }

    /** True while the folder is watched for the member and the platform still watches it. */
    synchronized boolean watching(Member member, Path dir) {
        Folder folder = byPath.get(dir);
        return folder != null && folder.key().isValid() && folder.members().contains(member);
    }

    /** Stops watching a folder for a member; the platform stops watching it when no member does. */
    synchronized void unwatch(Member member, Path dir) {
        Folder folder = byPath.get(dir);
        if (folder != null) {
            release(member, folder);
        }
    }

    /** The hub's thread while a member has joined, for tests that check it is blocked while nothing changes. */
    synchronized Thread thread() {
        return thread;
    }

    private void release(Member member, Folder folder) {
        folder.members().remove(member);
        if (folder.members().isEmpty()) {
            folder.key().cancel();
            folders.remove(folder.key());
            byPath.remove(folder.path());
        }
    }

    private void closeService() {
        try {
            service.close();
        } catch (IOException e) {
            LOG.log(System.Logger.Level.DEBUG, "closing the file watch", e);
        }
        service = null;
        folders.clear();
        byPath.clear();
    }

    /** Wakes the thread from its wait so it sees a new due time; only while it waits, never inside a call. */
    private void wake() {
        if (waiting && thread != null) {
            thread.interrupt();
        }
    }

    private void run(WatchService mine) {
        while (true) {
            long timeout;
            synchronized (this) {
                if (service != mine) {
                    return;
                }
                timeout = dueAt.values().stream().mapToLong(due -> due - System.nanoTime()).min().orElse(Long.MAX_VALUE);
                waiting = true;
            }
            WatchKey key = null;
            try {
                if (timeout > 0) {
                    key = timeout == Long.MAX_VALUE ? mine.take() : mine.poll(timeout, TimeUnit.NANOSECONDS);
                }
            } catch (InterruptedException woken) {
                // a member joined: its due time is read at the top of the loop
            } catch (ClosedWatchServiceException closed) {
                return;
            } finally {
                synchronized (this) {
                    waiting = false;
                }
                Thread.interrupted();
            }
            if (key != null) {
                dispatch(key);
            }
            runDue();
        }
    }

    private void dispatch(WatchKey key) {
        List<WatchEvent<?>> events = key.pollEvents();
        boolean valid = key.reset();
        Folder folder;
        List<Member> members;
        synchronized (this) {
            folder = folders.get(key);
            if (folder == null) {
                return;
            }
            if (!valid) {
                folders.remove(key);
                byPath.remove(folder.path(), folder);
            }
            members = List.copyOf(folder.members());
            long now = System.nanoTime();
            members.forEach(member -> dueAt.computeIfPresent(member, (m, due) -> now + intervals.get(m)));
        }
        members.forEach(member -> call(member, () -> member.changed(folder.path(), events, valid)));
    }

    private void runDue() {
        List<Member> due = new ArrayList<>();
        synchronized (this) {
            long now = System.nanoTime();
            dueAt.forEach((member, at) -> {
                if (at - now <= intervals.get(member) / 10) {
                    due.add(member);
                }
            });
            due.forEach(member -> dueAt.put(member, now + intervals.get(member)));
        }
        due.forEach(member -> call(member, member::due));
    }

    private void call(Member member, Runnable call) {
        synchronized (this) {
            if (!dueAt.containsKey(member)) {
                return;
            }
            running = member;
        }
        try {
            call.run();
        } catch (RuntimeException e) {
            // One member's failure must not stop the watch of every other one.
            LOG.log(System.Logger.Level.WARNING, "file watch member failed", e);
        } finally {
            synchronized (this) {
                running = null;
                notifyAll();
            }
        }
    }
}
