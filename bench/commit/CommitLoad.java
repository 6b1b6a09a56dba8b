import dev.opensessions.adapters.persistence.SqliteAgentThreadStore;
import dev.opensessions.adapters.persistence.SqliteDatabase;
import dev.opensessions.adapters.persistence.SqliteMetadataStore;
import dev.opensessions.adapters.persistence.SqliteSessionOrderStore;
import dev.opensessions.adapters.persistence.SqliteStatusHistoryStore;
import dev.opensessions.adapters.persistence.SqliteTransactions;
import dev.opensessions.application.port.in.RecordAgentEventUseCase.Command;
import dev.opensessions.application.service.DurableStateService;
import dev.opensessions.application.service.RecordAgentEventService;
import dev.opensessions.application.service.ThreadChangeFeed;
import dev.opensessions.application.state.ServerState;
import dev.opensessions.application.state.StateOwner;
import dev.opensessions.domain.agent.AgentStatus;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.Topology;
import org.sqlite.SQLiteDataSource;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The state owner and the group commit alone, on a real SQLite file in a temporary folder: T writer threads
 * (default 16) each record an agent event of the same shape as bench/load/EventLoad and wait for its commit,
 * as an HTTP answer does; after a warm-up, prints the events per second, the process CPU per event, and the
 * commits with their wall and CPU time. No HTTP, no sidebars: what the write path itself costs.
 * Arguments: [threads=16] [warmup seconds=8] [seconds=10].
 */
public class CommitLoad {
    static final AtomicLong COMMITS = new AtomicLong(), COMMIT_NANOS = new AtomicLong(), COMMIT_CPU = new AtomicLong();
    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args.length > 0 ? args[0] : "16");
        double warm = Double.parseDouble(args.length > 1 ? args[1] : "8");
        double secs = Double.parseDouble(args.length > 2 ? args[2] : "10");
        Path dir = Files.createTempDirectory("commitload");
        Path file = dir.resolve("state.db");
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file);
        SqliteDatabase db = SqliteDatabase.open(ds, file);
        String key = "default";
        SqliteTransactions tx = new SqliteTransactions(db);
        DurableStateService durable = new DurableStateService(new SqliteSessionOrderStore(db, key),
                new SqliteMetadataStore(db, key), new SqliteAgentThreadStore(db, key),
                new SqliteStatusHistoryStore(db, key), work -> {
                    long t0 = System.nanoTime();
                    long c0 = ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadCpuTime();
                    tx.inOneTransaction(work);
                    COMMITS.incrementAndGet();
                    COMMIT_NANOS.addAndGet(System.nanoTime() - t0);
                    COMMIT_CPU.addAndGet(((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean()).getCurrentThreadCpuTime() - c0);
                });
        List<Session> sessions = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            sessions.add(new Session(SessionName.of(String.format("s%02d", i)), Instant.now(), "/tmp", 1, List.of()));
        }
        ServerState restored = durable.restore();
        StateOwner owner = new StateOwner(Clock.systemUTC(), new ServerState(new Topology(sessions, Set.of()),
                restored.order(), restored.agents(), restored.metadata()));
        durable.start(owner);
        ThreadChangeFeed feed = new ThreadChangeFeed(owner);
        feed.listen(durable::recordLooks);
        RecordAgentEventService agents = new RecordAgentEventService(owner, durable);
        List<String> statuses = List.of("running", "tool-running", "waiting", "done", "error");
        long start = System.nanoTime();
        long from = start + (long) (warm * 1e9), end = from + (long) (secs * 1e9);
        AtomicLong measured = new AtomicLong();
        List<Thread> ts = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            int index = w;
            ts.add(Thread.ofPlatform().start(() -> {
                for (long i = 0; System.nanoTime() < end; i++) {
                    int k = (int) (i % 8);
                    AgentStatus status = AgentStatus.fromWire(statuses.get((int) ((i / 8 + k) % 5))).orElseThrow();
                    SessionName s = SessionName.of(String.format("s%02d", (index * 8 + k) % 20 + 1));
                    agents.record(new Command("bench-load", status, s, null, "w" + index + "-t" + k, null, null, null, null, null));
                    try {
                        durable.committed().toCompletableFuture().get();
                    } catch (Exception e) {
                        throw new RuntimeException(e);
                    }
                    long now = System.nanoTime();
                    if (now >= from && now < end) measured.incrementAndGet();
                }
            }));
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Thread.sleep(Math.max(0, (from - System.nanoTime()) / 1_000_000));
        long io0 = writtenBytes();
        long cpu0 = os.getProcessCpuTime(); long k0 = COMMITS.get(), n0 = COMMIT_NANOS.get(), u0 = COMMIT_CPU.get();
        Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
        long io1 = writtenBytes();
        long cpu1 = os.getProcessCpuTime(); long k1 = COMMITS.get() - k0, n1 = COMMIT_NANOS.get() - n0, u1 = COMMIT_CPU.get() - u0;
        for (Thread t : ts) t.join();
        long n = measured.get();
        System.out.printf(Locale.ROOT, "{\"commits\":%d,\"commitWallUs\":%.0f,\"commitCpuUs\":%.0f,\"threads\":%d,\"events\":%d,\"perSecond\":%.0f,\"cpuUsPerEvent\":%.1f,\"cpuPercent\":%.0f,\"writtenKiBPerCommit\":%.1f,\"load\":\"%s\"}%n",
                k1, n1 / 1e3 / Math.max(1, k1), u1 / 1e3 / Math.max(1, k1), threads, n, n / secs, (cpu1 - cpu0) / 1e3 / n, 100.0 * (cpu1 - cpu0) / 1e9 / secs,
                (io1 - io0) / 1024.0 / Math.max(1, k1),
                Files.readString(Path.of("/proc/loadavg")).trim());
        durable.close();
        db.close();
    }

    /** Bytes this process handed to write calls so far (the WAL frames and checkpoints): "wchar" of /proc/self/io. */
    static long writtenBytes() throws java.io.IOException {
        return Files.readAllLines(Path.of("/proc/self/io")).stream().filter(l -> l.startsWith("wchar:"))
                .mapToLong(l -> Long.parseLong(l.substring(6).trim())).findFirst().orElse(0);
    }
}
