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
 * The state owner and the group commit alone, on a real SQLite file in a temporary folder: T senders
 * (default 16) each record an agent event of the same shape as bench/load/EventLoad and wait for its commit,
 * as an HTTP answer does: the senders run on two event loops, as the server's routes do, and the commit's completion
 * hands each answer to its loop; after a warm-up, prints the events per second, the process CPU per event, and the
 * commits with their wall and CPU time, the events per commit and the CPU of the store writer thread per event
 * (everything it does: the snapshot difference, the statements, the COMMIT, the answers). No HTTP, no sidebars:
 * what the write path itself costs.
 * Arguments: [threads=16] [warmup seconds=8] [seconds=10].
 */
public class CommitLoad {
    static final java.lang.management.ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    static final AtomicLong COMMITS = new AtomicLong(), COMMIT_NANOS = new AtomicLong(), COMMIT_CPU = new AtomicLong();
    /** The bytes the state change itself allocated (the record use case, the owner, its listeners), summed over the window. */
    static final AtomicLong APPLY_BYTES = new AtomicLong();
    static final com.sun.management.ThreadMXBean ALLOCATION = (com.sun.management.ThreadMXBean) THREADS;
    public static void main(String[] args) throws Exception {
        int threads = Integer.parseInt(args.length > 0 ? args[0] : "16");
        double warm = Double.parseDouble(args.length > 1 ? args[1] : "8");
        double secs = Double.parseDouble(args.length > 2 ? args[2] : "10");
        Path dir = Files.createTempDirectory("commitload");
        Path file = dir.resolve("state.db");
        SQLiteDataSource ds = new SQLiteDataSource();
        ds.setUrl("jdbc:sqlite:" + file);
        ds.setGetGeneratedKeys(false); // as the server's StoreFactory opens it
        SqliteDatabase db = SqliteDatabase.open(ds, file);
        String key = "default";
        SqliteTransactions tx = new SqliteTransactions(db);
        DurableStateService durable = new DurableStateService(new SqliteSessionOrderStore(db, key),
                new SqliteMetadataStore(db, key), new SqliteAgentThreadStore(db, key),
                new SqliteStatusHistoryStore(db, key), work -> {
                    long t0 = System.nanoTime();
                    long c0 = THREADS.getCurrentThreadCpuTime();
                    tx.inOneTransaction(work);
                    COMMITS.incrementAndGet();
                    COMMIT_NANOS.addAndGet(System.nanoTime() - t0);
                    COMMIT_CPU.addAndGet(THREADS.getCurrentThreadCpuTime() - c0);
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
        // As the server runs them: every sender on one of two event loops (quarkus.vertx.event-loops-pool-size=2), which
        // records its event there and is woken for its answer by the commit's completion, handed to its loop.
        List<java.util.concurrent.ExecutorService> loops = List.of(loop(0), loop(1));
        java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(threads);
        for (int w = 0; w < threads; w++) {
            new Sender(w, loops.get(w % loops.size()), agents, durable, statuses, from, end, measured, done).send();
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Thread.sleep(Math.max(0, (from - System.nanoTime()) / 1_000_000));
        long writerId = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("opensessions-store-writer")).mapToLong(Thread::threadId).findFirst().orElse(-1);
        var threadsBean = ManagementFactory.getThreadMXBean();
        long w0 = threadsBean.getThreadCpuTime(writerId);
        long[] loopIds = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("loop-")).mapToLong(Thread::threadId).toArray();
        var allocation = (com.sun.management.ThreadMXBean) threadsBean;
        long wa0 = allocation.getThreadAllocatedBytes(writerId);
        long la0 = sum(allocation.getThreadAllocatedBytes(loopIds));
        long lc0 = sum(allocation.getThreadCpuTime(loopIds));
        long io0 = writtenBytes();
        long cpu0 = os.getProcessCpuTime(); long k0 = COMMITS.get(), n0 = COMMIT_NANOS.get(), u0 = COMMIT_CPU.get();
        Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
        long w1 = threadsBean.getThreadCpuTime(writerId);
        long wa1 = allocation.getThreadAllocatedBytes(writerId);
        long la1 = sum(allocation.getThreadAllocatedBytes(loopIds));
        long lc1 = sum(allocation.getThreadCpuTime(loopIds));
        long io1 = writtenBytes();
        long cpu1 = os.getProcessCpuTime(); long k1 = COMMITS.get() - k0, n1 = COMMIT_NANOS.get() - n0, u1 = COMMIT_CPU.get() - u0;
        done.await();
        loops.forEach(java.util.concurrent.ExecutorService::shutdown);
        long n = measured.get();
        System.out.printf(Locale.ROOT, "{\"commits\":%d,\"commitWallUs\":%.0f,\"commitCpuUs\":%.0f,\"eventsPerCommit\":%.1f,\"writerCpuUsPerEvent\":%.1f,\"threads\":%d,\"events\":%d,\"perSecond\":%.0f,\"cpuUsPerEvent\":%.1f,\"cpuPercent\":%.0f,\"writtenKiBPerCommit\":%.1f,\"writerKiBPerEvent\":%.2f,\"loopsCpuUsPerEvent\":%.1f,\"loopsKiBPerEvent\":%.2f,\"applyKiBPerEvent\":%.2f,\"load\":\"%s\"}%n",
                k1, n1 / 1e3 / Math.max(1, k1), u1 / 1e3 / Math.max(1, k1), (double) n / Math.max(1, k1), (w1 - w0) / 1e3 / Math.max(1, n), threads, n, n / secs, (cpu1 - cpu0) / 1e3 / n, 100.0 * (cpu1 - cpu0) / 1e9 / secs,
                (io1 - io0) / 1024.0 / Math.max(1, k1),
                (wa1 - wa0) / 1024.0 / Math.max(1, n), (lc1 - lc0) / 1e3 / Math.max(1, n), (la1 - la0) / 1024.0 / Math.max(1, n), APPLY_BYTES.get() / 1024.0 / Math.max(1, n),
                Files.readString(Path.of("/proc/loadavg")).trim());
        durable.close();
        db.close();
        try (var left = Files.list(dir)) {
            for (Path path : left.toList()) {
                Files.delete(path);
            }
        }
        Files.delete(dir);
    }

    static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total += value;
        }
        return total;
    }

    static java.util.concurrent.ExecutorService loop(int index) {
        return java.util.concurrent.Executors.newSingleThreadExecutor(r -> new Thread(r, "loop-" + index));
    }

    /** One client with one event in flight at a time: the next is sent from its loop once the last is committed. */
    static final class Sender {
        final int index; final java.util.concurrent.Executor loop; final RecordAgentEventService agents;
        final DurableStateService durable; final List<String> statuses; final long from, end; final AtomicLong measured;
        final java.util.concurrent.CountDownLatch done;
        long sent;

        Sender(int index, java.util.concurrent.Executor loop, RecordAgentEventService agents, DurableStateService durable,
               List<String> statuses, long from, long end, AtomicLong measured, java.util.concurrent.CountDownLatch done) {
            this.index = index; this.loop = loop; this.agents = agents; this.durable = durable; this.statuses = statuses;
            this.from = from; this.end = end; this.measured = measured; this.done = done;
        }

        void send() {
            loop.execute(this::next);
        }

        private void next() {
            long i = sent++;
            if (System.nanoTime() >= end) {
                done.countDown();
                return;
            }
            int k = (int) (i % 8);
            AgentStatus status = AgentStatus.fromWire(statuses.get((int) ((i / 8 + k) % 5))).orElseThrow();
            SessionName s = SessionName.of(String.format("s%02d", (index * 8 + k) % 20 + 1));
            Command command = new Command("bench-load", status, s, null, "w" + index + "-t" + k, null, null, null, null, null);
            long before = ALLOCATION.getCurrentThreadAllocatedBytes();
            agents.record(command);
            long applied = ALLOCATION.getCurrentThreadAllocatedBytes() - before;
            durable.committed().whenComplete((outcome, failure) -> loop.execute(() -> {
                long now = System.nanoTime();
                if (now >= from && now < end) {
                    measured.incrementAndGet();
                    APPLY_BYTES.addAndGet(applied);
                }
                next();
            }));
        }
    }

    /** Bytes this process handed to write calls so far (the WAL frames and checkpoints): "wchar" of /proc/self/io. */
    static long writtenBytes() throws java.io.IOException {
        return Files.readAllLines(Path.of("/proc/self/io")).stream().filter(l -> l.startsWith("wchar:"))
                .mapToLong(l -> Long.parseLong(l.substring(6).trim())).findFirst().orElse(0);
    }
}
