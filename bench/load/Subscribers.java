import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Connects WebSocket subscribers to /ws and, once every one has its first state, changes the state at a
 * fixed rate (a {@link StatusBurst}); prints "ready", keeps going until stdin ends (bench/run.sh times
 * switches meanwhile), then prints what the subscribers received. Settings: count, rate, session.
 */
final class Subscribers {

    private Subscribers() {
    }

    static void run(Options options) throws Exception {
        int port = options.port();
        int count = options.integer("count", 100);
        List<Subscriber> subscribers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            subscribers.add(Subscriber.connect(port));
        }
        long deadline = System.nanoTime() + 30_000_000_000L;
        // hello, then the current state: only then does a subscriber follow every change.
        while (subscribers.stream().anyMatch(s -> s.frames() < 2)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the subscribers did not all receive their first state: " + behind(subscribers));
            }
            Thread.sleep(10);
        }
        StatusBurst burst = new StatusBurst(port, options.text("session", "s01"), options.decimal("rate", 50));
        Thread driver = Thread.ofPlatform().name("burst").start(burst);
        long[] before = subscribers.stream().mapToLong(Subscriber::frames).toArray();
        long started = System.nanoTime();
        System.out.println("ready");
        System.out.flush();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
            // Any line, or the end of input, ends the burst.
            in.readLine();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        burst.stop();
        driver.join();
        long total = 0;
        long least = Long.MAX_VALUE;
        for (int i = 0; i < count; i++) {
            long received = subscribers.get(i).frames() - before[i];
            total += received;
            least = Math.min(least, received);
        }
        long closed = subscribers.stream().filter(Subscriber::closed).count();
        subscribers.forEach(Subscriber::close);
        System.out.printf(Locale.ROOT,
                "{\"subscribers\":%d,\"rate\":%.0f,\"changes\":%d,\"failedChanges\":%d,\"seconds\":%.1f,"
                        + "\"framesPerSubscriberPerSecond\":%.1f,\"leastFrames\":%d,\"closed\":%d}%n",
                count, options.decimal("rate", 50), burst.sent(), burst.failed(), seconds,
                total / (double) count / seconds, least, closed);
    }

    /**
     * Who is behind and how, so a failure tells a frame the server never sent (open, one frame: hello only)
     * from a connection the server closed (with its status) or one that failed on our side.
     */
    static String behind(List<Subscriber> subscribers) {
        Map<String, Integer> counts = new TreeMap<>();
        for (Subscriber subscriber : subscribers) {
            if (subscriber.frames() < 2) {
                String how = subscriber.frames() + " frames, " + (subscriber.closed() ? subscriber.ending() : "open");
                counts.merge(how, 1, Integer::sum);
            }
        }
        return counts.entrySet().stream().map(e -> e.getValue() + " with " + e.getKey()).collect(Collectors.joining("; "));
    }
}
