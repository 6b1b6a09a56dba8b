package dev.opensessions.adapters.agents.watch;

import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.application.port.out.AgentSink;
import dev.opensessions.application.port.out.AgentSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * A source made of files, one thread per file: watches a folder tree, re-reads a recent file only when its
 * (mtime, size) changed, and reports a thread only when what the file says about it changed. Sources for
 * transcript files (JSONL or whole documents) are built from this.
 */
public final class FileThreadSource implements AgentSource {

    private static final System.Logger LOG = System.getLogger(FileThreadSource.class.getName());

    /**
     * How to find and read one agent's files.
     *
     * @param maxDepth how deep below the root its files lie ({@link Integer#MAX_VALUE} for any depth)
     * @param accepts  which of the files under the root are thread files
     * @param readers  makes the reader of one file, called once per file (again after the file dropped out)
     * @param rescan   the fallback rescan period
     * @param keepsActive for a file that is no thread of its own but whose writes show a thread's agent at
     *                 work (a Claude Code Task subagent's transcript), that thread's file; null for any other
     */
    public record Layout(String agent, Path root, int maxDepth, Predicate<Path> accepts,
                         Function<Path, ThreadFileReader> readers, RecentFiles recent, Duration rescan,
                         Function<Path, Path> keepsActive) {
        public Layout {
            Objects.requireNonNull(agent, "agent");
            Objects.requireNonNull(root, "root");
            Objects.requireNonNull(accepts, "accepts");
            Objects.requireNonNull(readers, "readers");
            Objects.requireNonNull(recent, "recent");
            Objects.requireNonNull(rescan, "rescan");
            Objects.requireNonNull(keepsActive, "keepsActive");
        }

        /** A layout where every file stands for itself alone. */
        public Layout(String agent, Path root, int maxDepth, Predicate<Path> accepts,
                      Function<Path, ThreadFileReader> readers, RecentFiles recent, Duration rescan) {
            this(agent, root, maxDepth, accepts, readers, recent, rescan, file -> null);
        }
    }

    /** What a file was read at: its own time and size, and its thread's last activity (companions included). */
    private record Stamp(long modifiedMillis, long size, long activityMillis) {
    }

    /** One file's reader and what it last said: raw as read, and as reported after {@code decorate}. */
    private record Tracked(ThreadFileReader reader, Stamp stamp, AgentObservation read, AgentObservation sent) {
    }

    private final Layout layout;
    private final UnaryOperator<AgentObservation> decorate;
    private final Map<Path, Tracked> files = new HashMap<>();
    /** The newest write to a thread file's companions (see {@link Layout#keepsActive}), by thread file. */
    private final Map<Path, Instant> companions = new HashMap<>();
    private FileWatch watch;
    private AgentSink sink;

    public FileThreadSource(Layout layout) {
        this(layout, UnaryOperator.identity());
    }

    /** @param decorate completes an observation from elsewhere (Codex names come from a separate index) */
    public FileThreadSource(Layout layout, UnaryOperator<AgentObservation> decorate) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.decorate = Objects.requireNonNull(decorate, "decorate");
    }

    @Override
    public String agent() {
        return layout.agent();
    }

    @Override
    public synchronized void start(AgentSink sink) {
        if (this.sink != null) {
            throw new IllegalStateException(layout.agent() + " source already started");
        }
        this.sink = Objects.requireNonNull(sink, "sink");
        watch = new FileWatch(layout.agent(), layout.root(), layout.maxDepth(), this::changed, layout.rescan());
        watch.start();
    }

    @Override
    public void close() {
        FileWatch current;
        synchronized (this) {
            current = watch;
        }
        if (current != null) {
            current.close();
        }
    }

    /** Reads a file that changed (or was deleted) and reports its thread if what it says changed. */
    public synchronized void changed(Path file) {
        if (!layout.accepts().test(file)) {
            Path thread = layout.keepsActive().apply(file);
            if (thread != null) {
                companionChanged(thread, file);
            }
            return;
        }
        BasicFileAttributes attrs = attributes(file);
        Instant activity = attrs == null ? null : newest(attrs.lastModifiedTime().toInstant(), companions.get(file));
        if (attrs == null || !attrs.isRegularFile() || !layout.recent().isRecent(FileTime.from(activity))) {
            files.remove(file);
            companions.remove(file);
            return;
        }
        Tracked tracked = files.get(file);
        if (tracked == null) {
            tracked = new Tracked(layout.readers().apply(file), null, null, null);
        }
        Stamp stamp = new Stamp(attrs.lastModifiedTime().toMillis(), attrs.size(), activity.toEpochMilli());
        if (stamp.equals(tracked.stamp())) {
            return;
        }
        try {
            Optional<AgentObservation> read = tracked.reader().read(file, activity);
            files.put(file, send(new Tracked(tracked.reader(), stamp, read.orElse(null), tracked.sent())));
        } catch (IOException e) {
            // Stamp left unchanged so the next event or rescan tries again.
            files.put(file, tracked);
            LOG.log(System.Logger.Level.DEBUG, "cannot read " + file, e);
        }
    }

    /** A companion of a thread file was written: the thread's agent is at work, so its last activity moves. */
    private void companionChanged(Path thread, Path companion) {
        BasicFileAttributes attrs = attributes(companion);
        if (attrs == null || !attrs.isRegularFile()) {
            return;
        }
        Instant written = attrs.lastModifiedTime().toInstant();
        Instant known = companions.get(thread);
        if (known == null || written.isAfter(known)) {
            companions.put(thread, written);
            changed(thread);
        }
    }

    private static Instant newest(Instant a, Instant b) {
        return b != null && b.isAfter(a) ? b : a;
    }

    /** Reports again every thread whose decorated form changed, e.g. after the names it draws on changed. */
    public synchronized void redecorate() {
        files.replaceAll((file, tracked) -> send(tracked));
    }

    private Tracked send(Tracked tracked) {
        if (tracked.read() == null || sink == null) {
            return tracked;
        }
        AgentObservation decorated = decorate.apply(tracked.read());
        if (decorated.equals(tracked.sent())) {
            return tracked;
        }
        sink.observed(decorated);
        return new Tracked(tracked.reader(), tracked.stamp(), tracked.read(), decorated);
    }

    private static BasicFileAttributes attributes(Path file) {
        try {
            return Files.readAttributes(file, BasicFileAttributes.class);
        } catch (IOException gone) {
            return null;
        }
    }
}
