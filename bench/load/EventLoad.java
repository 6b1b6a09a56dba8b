import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Posts agent events to /api/agent-event from several senders, each a kept-alive HTTP/1.1 connection with one
 * request in flight ({@link EventSender}), all driven by one or a few selector threads ({@link EventLoop}), for a
 * warm-up and then a measured window, and checks that the server's state ends on the last event of every agent
 * thread (none lost). Settings: connections (senders; "threads" is the older name), agents (per sender),
 * sessions, loops (selector threads), warmup, seconds, and pid (the server's, to report its CPU per event).
 */
final class EventLoad {

    private EventLoad() {
    }

    static void run(Options options) throws Exception {
        int port = options.port();
        int threads = options.integer("connections", options.integer("threads", 4));
        int loops = Math.max(1, Math.min(threads, options.integer("loops", 1)));
        int agents = options.integer("agents", 8);
        int sessions = options.integer("sessions", 20);
        long warmup = (long) (options.decimal("warmup", 3) * 1e9);
        long window = (long) (options.decimal("seconds", 10) * 1e9);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        long measureFrom = System.nanoTime() + warmup;
        List<EventSender> workers = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            workers.add(new EventSender(w, agents, sessions, port, measureFrom, measureFrom + window));
        }
        List<Thread> running = new ArrayList<>();
        for (int l = 0; l < loops; l++) {
            List<EventSender> share = new ArrayList<>();
            for (int w = l; w < threads; w += loops) {
                share.add(workers.get(w));
            }
            running.add(Thread.ofPlatform().name("load-" + l).start(new EventLoop(share)));
        }
        // The CPU of the server (pid=N, optional) and of this tool over the measured window only.
        String server = options.text("pid", "");
        // marks=PREFIX (optional): PREFIX.start and PREFIX.end are created when the measured window starts and ends,
        // for a script that reads the server's threads over the same window (bench/profile-events.sh).
        String marks = options.text("marks", "");
        sleepUntil(measureFrom);
        long serverFrom = server.isEmpty() ? -1 : ProcCpu.ticks(server);
        long selfFrom = ProcCpu.ticks("self");
        mark(marks, "start");
        sleepUntil(measureFrom + window);
        long serverTicks = server.isEmpty() || serverFrom < 0 ? -1 : ProcCpu.ticks(server) - serverFrom;
        long selfTicks = ProcCpu.ticks("self") - selfFrom;
        mark(marks, "end");
        for (Thread thread : running) {
            thread.join();
        }
        Map<String, String> expected = new HashMap<>();
        workers.forEach(worker -> expected.putAll(worker.lastStatuses()));
        Map<String, String> actual = StateCheck.agentStatuses(client, port, EventSender.AGENT);
        long lost = expected.entrySet().stream().filter(e -> !e.getValue().equals(actual.get(e.getKey()))).count();
        long sent = workers.stream().mapToLong(EventSender::sent).sum();
        long measured = workers.stream().mapToLong(EventSender::measured).sum();
        long failed = workers.stream().mapToLong(EventSender::failed).sum();
        long[] latencies = workers.stream().flatMapToLong(w -> Arrays.stream(w.latencies())).sorted().toArray();
        System.out.printf(Locale.ROOT,
                "{\"threads\":%d,\"connections\":%d,\"loops\":%d,\"agentThreads\":%d,\"sent\":%d,\"measured\":%d,\"seconds\":%.1f,"
                        + "\"eventsPerSecond\":%.0f,\"failed\":%d,\"firstFailure\":\"%s\",\"lost\":%d,"
                        + "\"latencyUs\":{\"p50\":%d,\"p99\":%d},\"serverCpuPercent\":%.0f,"
                        + "\"serverCpuUsPerEvent\":%.0f,\"loadToolCpuPercent\":%.0f}%n",
                threads, threads, loops, expected.size(), sent, measured, window / 1e9, measured / (window / 1e9), failed,
                workers.stream().map(EventSender::firstFailure).filter(f -> !f.isEmpty()).findFirst().orElse(""),
                lost, rank(latencies, 50) / 1000, rank(latencies, 99) / 1000, percent(serverTicks, window),
                serverTicks < 0 || measured == 0 ? -1 : serverTicks / ProcCpu.TICKS_PER_SECOND * 1e6 / measured,
                percent(selfTicks, window));
    }

    /** Ticks over a window in ns as percent of one core; -1 when the ticks are unknown. */
    static double percent(long ticks, long windowNanos) {
        return ticks < 0 ? -1 : 100 * ticks / ProcCpu.TICKS_PER_SECOND / (windowNanos / 1e9);
    }

    /**
     * Creates PREFIX.which; at the end, waits (at most 60 s) for the reading script to create PREFIX.end.taken, so the
     * server is still up while it reads; the senders have stopped by then.
     */
    private static void mark(String prefix, String which) throws java.io.IOException, InterruptedException {
        if (prefix.isEmpty()) {
            return;
        }
        java.nio.file.Files.writeString(java.nio.file.Path.of(prefix + "." + which), "");
        if (which.equals("end")) {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!java.nio.file.Files.exists(java.nio.file.Path.of(prefix + ".end.taken")) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    /** The nearest-rank percentile of sorted values; 0 when there are none. */
    static long rank(long[] sorted, int percent) {
        return sorted.length == 0 ? 0 : sorted[(sorted.length * percent + 99) / 100 - 1];
    }
}
