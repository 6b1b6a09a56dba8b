package dev.opensessions.adapters.tmux.git;

import dev.opensessions.domain.session.GitStatus;
import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Keeps the git status of the sessions' directories current: each is read when first tracked, again (while
 * it is watched: its session is visible) when its repository's HEAD, index or branches move, when a file of its working tree changes (an edit shows in
 * the diff counts within the debounce and the cache period), and on {@link #refresh}; nothing runs while
 * idle: changes are file-change notifications, never a timer.
 * Reads run on a small fixed pool, so at most {@code parallelism} git processes run at once however many
 * directories are tracked, and a read finished less than {@code cacheFor} ago delays the next one.
 */
public final class GitStatusCache implements Closeable {

    /** Working-tree folders watched at most per repository checkout (one inotify watch each). */
    static final int MAX_WORKTREE_FOLDERS = 4096;
    /** How long a reader thread waits for work before it ends. */
    private static final Duration WORKER_IDLE = Duration.ofSeconds(30);

    private final GitReader reader;
    private final Consumer<Map<String, GitStatus>> listener;
    private final long cacheForNanos;
    private final Debounce moved;
    private final ExecutorService workers;
    private final ScheduledExecutorService scheduler;
    /** One watch service and thread for both watchers below. */
    private final WatchLoop watchLoop;
    private final GitFolderWatcher watcher;
    private final WorkingTreeWatcher worktrees;
    private final Map<String, TrackedDirectory> tracked = new HashMap<>();
    /** Tracked directories nobody looks at (their sessions are hidden): status kept, never watched nor read again. */
    private final Set<String> unwatched = new HashSet<>();
    private final Object delivery = new Object();
    private Map<String, GitStatus> delivered = Map.of();
    private boolean closed;

    /**
     * @param listener told the status of every tracked repository directory (non-repositories are left
     *                 out) whenever one of them changes; called on a worker thread, one call at a time
     */
    public GitStatusCache(GitReader reader, Consumer<Map<String, GitStatus>> listener, Duration cacheFor,
                          Duration debounce, int parallelism) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.cacheForNanos = cacheFor.toNanos();
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be at least 1");
        }
        // The readers end after a while without work (git is read on events, not on a timer): an idle server
        // keeps no thread for them.
        ThreadPoolExecutor pool = new ThreadPoolExecutor(parallelism, parallelism, WORKER_IDLE.toMillis(),
                TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name("git-status-", 0).daemon().factory());
        pool.allowCoreThreadTimeOut(true);
        this.workers = pool;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("git-status-timer").daemon().factory());
        this.moved = new Debounce(scheduler, debounce, this::request);
        this.watchLoop = new WatchLoop("git-watch", moved::add);
        this.watcher = new GitFolderWatcher(watchLoop);
        this.worktrees = new WorkingTreeWatcher(watchLoop, MAX_WORKTREE_FOLDERS);
    }

    /** One-second cache, 100 ms debounce, two git processes at most. */
    public GitStatusCache(GitReader reader, Consumer<Map<String, GitStatus>> listener) {
        this(reader, listener, Duration.ofSeconds(1), Duration.ofMillis(100), 2);
    }

    /** Sets the directories that matter, all watched; new ones are read now, dropped ones are forgotten and unwatched. */
    public void track(Set<String> directories) {
        track(directories, directories);
    }

    /**
     * Sets the directories that matter and which of them are watched (the directories of visible sessions).
     * New ones are read now, dropped ones are forgotten and unwatched. One not in {@code watched} keeps its last
     * status but is read again only once it is watched again: its git folder and working tree are released
     * and no change in them starts a git process.
     */
    public void track(Set<String> directories, Set<String> watched) {
        Set<String> wanted = Set.copyOf(directories);
        boolean dropped;
        synchronized (this) {
            List<String> gone = tracked.keySet().stream().filter(dir -> !wanted.contains(dir)).toList();
            gone.forEach(this::untrack);
            dropped = !gone.isEmpty();
            for (String directory : wanted) {
                if (closed) {
                    break;
                }
                TrackedDirectory state = tracked.get(directory);
                boolean watch = watched.contains(directory);
                if (state == null) {
                    TrackedDirectory fresh = new TrackedDirectory();
                    tracked.put(directory, fresh);
                    if (!watch) {
                        unwatched.add(directory);
                    }
                    submit(directory, fresh);
                } else if (watch && unwatched.remove(directory)) {
                    request(directory);
                } else if (!watch && unwatched.add(directory)) {
                    state.cancelDeferred();
                    watcher.forget(directory);
                    worktrees.forget(directory);
                }
            }
        }
        if (dropped) {
            deliver();
        }
    }

    /**
     * Reads {@code directory} again (if tracked), for changes no git folder shows, such as files saved by an
     * editor; within the cache period the read is postponed to its end rather than dropped.
     */
    public void refresh(String directory) {
        request(directory);
    }

    /** The current status of every tracked directory that is inside a repository. */
    public synchronized Map<String, GitStatus> statuses() {
        Map<String, GitStatus> known = new HashMap<>();
        tracked.forEach((directory, state) -> state.status().ifPresent(status -> known.put(directory, status)));
        return Map.copyOf(known);
    }

    /** How many git folders are watched; lets tests see that dropped directories release their watches. */
    int watchedFolders() {
        return watcher.watchedFolders();
    }

    private void untrack(String directory) {
        unwatched.remove(directory);
        tracked.remove(directory).cancelDeferred();
        watcher.forget(directory);
        worktrees.forget(directory);
    }

    /** How many working-tree folders are watched; lets tests see the release. */
    int watchedWorktreeFolders() {
        return worktrees.watchedFolders();
    }

    /**
     * Watches the working tree of a directory just read, listing its tracked files again only when the index
     * changed since the last listing (the index's modification time and size stand for it).
     */
    private void followWorkingTree(String directory, GitReading reading) {
        long stamp = indexStamp(reading.gitDir());
        if (worktrees.current(directory, stamp)) {
            return;
        }
        Optional<GitReader.WorkingTree> tree;
        try {
            tree = reader.workingTree(Path.of(directory));
        } catch (RuntimeException unreadable) {
            tree = Optional.empty();
        }
        synchronized (this) {
            if (closed || !tracked.containsKey(directory) || unwatched.contains(directory)) {
                return;
            }
            tree.ifPresentOrElse(found -> worktrees.watch(directory, found.top(), found.files(), stamp),
                    () -> worktrees.forget(directory));
        }
    }

    private static long indexStamp(Path gitDir) {
        try {
            BasicFileAttributes index = Files.readAttributes(gitDir.resolve("index"), BasicFileAttributes.class);
            return index.lastModifiedTime().toMillis() * 31 + index.size();
        } catch (IOException none) {
            return 0;
        }
    }

    private synchronized void request(String directory) {
        TrackedDirectory state = tracked.get(directory);
        if (closed || state == null || unwatched.contains(directory)) {
            return;
        }
        switch (state.phase()) {
            case QUEUED -> {
                // Already waiting for a worker: that read will see this change too.
            }
            case RUNNING -> state.readAgain();
            case IDLE -> {
                long wait = state.cacheLeft(System.nanoTime(), cacheForNanos);
                if (wait <= 0) {
                    submit(directory, state);
                } else if (!state.hasDeferred()) {
                    state.defer(scheduler.schedule(() -> deferredRead(directory, state), wait, TimeUnit.NANOSECONDS));
                }
            }
        }
    }

    private synchronized void deferredRead(String directory, TrackedDirectory state) {
        if (!closed && tracked.get(directory) == state && state.phase() == TrackedDirectory.Phase.IDLE) {
            state.deferredFired();
            submit(directory, state);
        }
    }

    private void submit(String directory, TrackedDirectory state) {
        state.queued();
        workers.execute(() -> read(directory, state));
    }

    private void read(String directory, TrackedDirectory state) {
        synchronized (this) {
            if (closed || tracked.get(directory) != state) {
                return;
            }
            state.running();
        }
        Optional<GitReading> reading;
        try {
            reading = reader.inspect(Path.of(directory));
        } catch (RuntimeException unreadable) {
            // An invalid path or an answer git should never give: the directory is treated as no repository.
            reading = Optional.empty();
        }
        boolean watch;
        synchronized (this) {
            if (closed || tracked.get(directory) != state) {
                return;
            }
            boolean again = state.finished(reading.map(GitReading::status), System.nanoTime());
            watch = !unwatched.contains(directory);
            if (watch && reading.isPresent()) {
                watcher.watch(directory, reading.get());
            } else {
                watcher.forget(directory);
                worktrees.forget(directory);
            }
            if (again) {
                request(directory);
            }
        }
        if (watch) {
            reading.ifPresent(found -> followWorkingTree(directory, found));
        }
        deliver();
    }

    /** Tells the listener the latest statuses if they differ from what it was last told. */
    private void deliver() {
        synchronized (delivery) {
            Map<String, GitStatus> current = statuses();
            if (!current.equals(delivered)) {
                delivered = current;
                listener.accept(current);
            }
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        watcher.close();
        worktrees.close();
        watchLoop.close();
        scheduler.shutdownNow();
        workers.shutdownNow();
    }
}
