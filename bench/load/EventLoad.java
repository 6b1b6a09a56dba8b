import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Posts agent events to /api/agent-event from several threads over kept-alive HTTP/1.1 connections for a
 * warm-up and then a measured window, and checks that the server's state ends on the last event of every
 * agent thread (none lost). Settings: threads, agents (per thread), sessions, warmup and seconds.
 */
final class EventLoad {

    private EventLoad() {
    }

    static void run(Options options) throws Exception {
        int port = options.port();
        int threads = options.integer("threads", 4);
        int agents = options.integer("agents", 8);
        int sessions = options.integer("sessions", 20);
        long warmup = (long) (options.decimal("warmup", 3) * 1e9);
        long window = (long) (options.decimal("seconds", 10) * 1e9);
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        URI uri = URI.create("http://127.0.0.1:" + port + "/api/agent-event");
        long measureFrom = System.nanoTime() + warmup;
        List<EventWorker> workers = new ArrayList<>();
        List<Thread> running = new ArrayList<>();
        for (int w = 0; w < threads; w++) {
            EventWorker worker = new EventWorker(w, agents, sessions, client, uri, measureFrom, measureFrom + window);
            workers.add(worker);
            running.add(Thread.ofPlatform().name("load-" + w).start(worker));
        }
        for (Thread thread : running) {
            thread.join();
        }
        Map<String, String> expected = new HashMap<>();
        workers.forEach(worker -> expected.putAll(worker.lastStatuses()));
        Map<String, String> actual = StateCheck.agentStatuses(client, port, EventWorker.AGENT);
        long lost = expected.entrySet().stream().filter(e -> !e.getValue().equals(actual.get(e.getKey()))).count();
        long sent = workers.stream().mapToLong(EventWorker::sent).sum();
        long measured = workers.stream().mapToLong(EventWorker::measured).sum();
        long failed = workers.stream().mapToLong(EventWorker::failed).sum();
        long[] latencies = workers.stream().flatMapToLong(w -> Arrays.stream(w.latencies())).sorted().toArray();
        System.out.printf(Locale.ROOT,
                "{\"threads\":%d,\"agentThreads\":%d,\"sent\":%d,\"measured\":%d,\"seconds\":%.1f,"
                        + "\"eventsPerSecond\":%.0f,\"failed\":%d,\"firstFailure\":\"%s\",\"lost\":%d,"
                        + "\"latencyUs\":{\"p50\":%d,\"p99\":%d}}%n",
                threads, expected.size(), sent, measured, window / 1e9, measured / (window / 1e9), failed,
                workers.stream().map(EventWorker::firstFailure).filter(f -> !f.isEmpty()).findFirst().orElse(""),
                lost, rank(latencies, 50) / 1000, rank(latencies, 99) / 1000);
    }

    /** The nearest-rank percentile of sorted values; 0 when there are none. */
    static long rank(long[] sorted, int percent) {
        return sorted.length == 0 ? 0 : sorted[(sorted.length * percent + 99) / 100 - 1];
    }
}
