package dev.opensessions.adapters.agents.opencode;

import dev.opensessions.adapters.agents.watch.FileWatch;
import dev.opensessions.application.port.out.AgentObservation;
import dev.opensessions.application.port.out.AgentSink;
import dev.opensessions.application.port.out.AgentSource;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;

/**
 * Watches the SQLite store of OpenCode or Kilo (same schema): when the database or its write-ahead log
 * changes it reads the sessions updated in the last five minutes, read-only, and reports those whose state
 * changed.
 */
public final class OpenCodeStoreSource implements AgentSource {

    private static final System.Logger LOG = System.getLogger(OpenCodeStoreSource.class.getName());
    // SQLite appends a commit to the -wal file before it publishes it in the -shm index: a read right on the file
    // event can miss the commit, and no later event would bring it. A short settle also merges a burst of writes.
    private static final Duration SETTLE = Duration.ofMillis(40);

    private final String agent;
    private final OpenCodeStore store;
    private final OpenCodeSessionParser parser;
    private final Clock clock;
    private final Duration rescan;
    private final AtomicBoolean pending = new AtomicBoolean();
    private final Map<String, AgentObservation> sent = new HashMap<>();
    private String lastFailure;
    private ScheduledExecutorService reads;
    private FileWatch watch;
    private AgentSink sink;

    public OpenCodeStoreSource(String agent, Path database, Clock clock, Duration rescan) {
        this.agent = Objects.requireNonNull(agent, "agent");
        this.store = new OpenCodeStore(database.toAbsolutePath().normalize());
        this.parser = new OpenCodeSessionParser(agent);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.rescan = Objects.requireNonNull(rescan, "rescan");
    }

    /** OpenCode: {@code $OPENCODE_DB_PATH}, {@code $OPENCODE_DB}, else {@code ~/.local/share/opencode/opencode.db}. */
    public static OpenCodeStoreSource openCode(Map<String, String> env, Path home, Clock clock) {
        Path db = configured(env, "OPENCODE_DB_PATH").or(() -> configured(env, "OPENCODE_DB"))
                .orElse(home.resolve(".local/share/opencode/opencode.db"));
        return new OpenCodeStoreSource("opencode", db, clock, FileWatch.DEFAULT_RESCAN);
    }

    /** Kilo: {@code $KILO_DB_PATH}, else {@code ~/.local/share/kilo/kilo.db}. */
    public static OpenCodeStoreSource kilo(Map<String, String> env, Path home, Clock clock) {
        Path db = configured(env, "KILO_DB_PATH").orElse(home.resolve(".local/share/kilo/kilo.db"));
        return new OpenCodeStoreSource("kilo", db, clock, FileWatch.DEFAULT_RESCAN);
    }

    private static Optional<Path> configured(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(Path.of(value));
    }

    @Override
    public String agent() {
        return agent;
    }

    @Override
    public synchronized void start(AgentSink sink) {
        if (this.sink != null) {
            throw new IllegalStateException(agent + " source already started");
        }
        this.sink = Objects.requireNonNull(sink, "sink");
        reads = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("agents-store-" + agent).factory());
        watch = new FileWatch(agent, store.database().getParent(), 1, this::changed, rescan);
        watch.start();
    }

    @Override
    public void close() {
        FileWatch currentWatch;
        ScheduledExecutorService currentReads;
        synchronized (this) {
            currentWatch = watch;
            currentReads = reads;
        }
        if (currentWatch != null) {
            currentWatch.close();
        }
        if (currentReads != null) {
            currentReads.shutdownNow();
        }
    }

    /** Schedules one read after the database or its {@code -wal} changed; other files of the folder are ignored. */
    private void changed(Path file) {
        String name = store.database().getFileName().toString();
        String changed = file.getFileName().toString();
        if ((changed.equals(name) || changed.equals(name + "-wal")) && pending.compareAndSet(false, true)) {
            reads.schedule(this::read, SETTLE.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private synchronized void read() {
        pending.set(false);
        try {
            report(store.recentSessions(clock.instant()));
            lastFailure = null;
        } catch (OpenCodeStoreException failed) {
            // Tried again on the next change or rescan; one warning per kind of failure, not one per write.
            LOG.log(failed.getMessage().equals(lastFailure) ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING,
                    failed.getMessage());
            lastFailure = failed.getMessage();
        }
    }

    private void report(List<OpenCodeSessionRow> rows) {
        String origin = store.database().toString();
        Set<String> seen = rows.stream().map(OpenCodeSessionRow::id).collect(Collectors.toSet());
        sent.keySet().retainAll(seen);
        for (OpenCodeSessionRow row : rows) {
            parser.parse(row, origin).ifPresent(observation -> {
                if (!observation.equals(sent.get(observation.threadId()))) {
                    sent.put(observation.threadId(), observation);
                    sink.observed(observation);
                }
            });
        }
    }
}
