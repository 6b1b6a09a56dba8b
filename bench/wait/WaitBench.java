import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The wait benchmark (bench/wait/run.sh): against a server at 127.0.0.1:PORT with live sessions s01..sNN, runs
 * ROUNDS rounds of two phases each, one with no wait open and one with WAITS long polls held open (GET /api/wait,
 * each on a raw socket read by a virtual thread), in alternating order (none first in even rounds, waits first in
 * odd ones), so that a drift of the machine's load falls on both alike. In each phase it measures the push
 * latency (POST /set-status to the WebSocket state frame that shows it), writes the file SIGNALS/ready-K (K
 * counts phases from 1) and holds until SIGNALS/go-K exists (the script measures the event rate, the server's
 * CPU per event, RSS and threads meanwhile); a phase with waits then ends each wait with the agent event that
 * makes it true and times event to answer, and sets the threads running again for the next round. Prints one
 * JSON line per phase. Usage: java WaitBench port=P sessions=N waits=1000 samples=200 rounds=3 signals=DIR
 */
public final class WaitBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .executor(Executors.newFixedThreadPool(4)).build();
    private static int port;

    public static void main(String[] args) throws Exception {
        var options = new ConcurrentHashMap<String, String>();
        for (String arg : args) {
            String[] pair = arg.split("=", 2);
            options.put(pair[0], pair[1]);
        }
        port = Integer.parseInt(options.get("port"));
        int sessions = Integer.parseInt(options.getOrDefault("sessions", "20"));
        int waits = Integer.parseInt(options.getOrDefault("waits", "1000"));
        int samples = Integer.parseInt(options.getOrDefault("samples", "150"));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
        java.nio.file.Path signals = java.nio.file.Path.of(options.get("signals"));

        // Every thread a waiter will name exists first, running, so each wait is met only by its own done event.
        setRunning(waits, sessions);
        ExecutorService readers = Executors.newVirtualThreadPerTaskExecutor();
        int phase = 0;
        for (int round = 0; round < rounds; round++) {
            for (boolean withWaits : round % 2 == 0 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                phase++;
                List<Waiter> waiters = new ArrayList<>();
                if (withWaits) {
                    for (int i = 0; i < waits; i++) {
                        waiters.add(new Waiter(session(i, sessions), "bench-" + i, readers));
                    }
                    for (Waiter waiter : waiters) {
                        waiter.opened.await(30, TimeUnit.SECONDS);
                    }
                    // The server registers a wait when it reads the request; a short settle lets the last ones in.
                    Thread.sleep(1000);
                }
                int answeredEarly = answered(waiters);
                double[] push = push(samples, "p" + phase);
                java.nio.file.Files.writeString(signals.resolve("ready-" + phase), waiters.size() + "\n");
                java.nio.file.Path go = signals.resolve("go-" + phase);
                while (!java.nio.file.Files.exists(go)) {
                    Thread.sleep(100);
                }
                int answeredDuringLoad = answered(waiters) - answeredEarly;
                String answers = "null";
                int ok = 0;
                if (withWaits) {
                    double[] latency = new double[waits];
                    for (int i = 0; i < waits; i++) {
                        Waiter waiter = waiters.get(i);
                        long sent = System.nanoTime();
                        event(waiter.session, waiter.thread, "done");
                        waiter.answered.await(10, TimeUnit.SECONDS);
                        long answered = waiter.answeredAt.get();
                        latency[i] = answered == 0 ? Double.NaN : (answered - sent) / 1e6;
                        if (waiter.status == 200) {
                            ok++;
                        }
                    }
                    answers = stats(latency);
                    setRunning(waits, sessions);
                }
                System.out.printf(Locale.ROOT, "{\"phase\":%d,\"round\":%d,\"openWaits\":%d,"
                                + "\"answeredBeforeTheirEvent\":%d,\"answeredDuringEventLoad\":%d,\"answered200\":%d,"
                                + "\"waitAnswerMs\":%s,\"pushMs\":%s}%n",
                        phase, round + 1, waiters.size(), answeredEarly, answeredDuringLoad, ok, answers, stats(push));
                System.out.flush();
            }
        }
        readers.shutdownNow();
        System.exit(0);
    }

    private static void setRunning(int waits, int sessions) throws Exception {
        for (int i = 0; i < waits; i++) {
            event(session(i, sessions), "bench-" + i, "running");
        }
    }

    private static int answered(List<Waiter> waiters) {
        return (int) waiters.stream().filter(w -> w.answeredAt.get() != 0).count();
    }

    private static String session(int i, int sessions) {
        return String.format("s%02d", 1 + i % sessions);
    }

    /** One long poll on a raw socket; a virtual thread reads its answer. */
    private static final class Waiter {
        final String session;
        final String thread;
        final CountDownLatch opened = new CountDownLatch(1);
        final CountDownLatch answered = new CountDownLatch(1);
        final AtomicLong answeredAt = new AtomicLong();
        volatile int status;

        Waiter(String session, String thread, ExecutorService readers) {
            this.session = session;
            this.thread = thread;
            readers.submit(() -> {
                try (Socket socket = new Socket("127.0.0.1", port)) {
                    OutputStream out = socket.getOutputStream();
                    out.write(("GET /api/wait?session=" + session + "&agent=bench&thread=" + thread
                            + "&status=done&timeout=10m HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    opened.countDown();
                    InputStream in = socket.getInputStream();
                    byte[] head = new byte[12];
                    int read = 0;
                    while (read < head.length) {
                        int n = in.read(head, read, head.length - read);
                        if (n < 0) {
                            break;
                        }
                        if (read == 0) {
                            answeredAt.set(System.nanoTime());
                        }
                        read += n;
                    }
                    status = Integer.parseInt(new String(head, 9, 3, StandardCharsets.US_ASCII));
                } catch (Exception failed) {
                    status = -1;
                } finally {
                    opened.countDown();
                    answered.countDown();
                }
                return null;
            });
        }
    }

    private static void event(String session, String thread, String status) throws Exception {
        HttpResponse<Void> answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/agent-event"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"agent\":\"bench\",\"threadId\":\"" + thread
                        + "\",\"status\":\"" + status + "\",\"tmuxSession\":\"" + session + "\"}")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() != 204) {
            throw new IllegalStateException("agent event answered " + answer.statusCode());
        }
    }

    /** POST /set-status, then the time until a WebSocket state frame holds the text; ms per sample. */
    private static double[] push(int samples, String label) throws Exception {
        var frames = new java.util.concurrent.LinkedBlockingQueue<String>();
        WebSocket socket = HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws"),
                new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            frames.add(text.toString());
                            text.setLength(0);
                        }
                        ws.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        double[] ms = new double[samples];
        for (int i = 0; i < samples; i++) {
            String marker = "push-" + label + "-" + i;
            long sent = System.nanoTime();
            HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/set-status"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"session\":\"s01\",\"text\":\"" + marker + "\"}"))
                    .build(), HttpResponse.BodyHandlers.discarding());
            while (true) {
                String frame = frames.poll(10, TimeUnit.SECONDS);
                if (frame == null) {
                    throw new IllegalStateException("no state frame showed " + marker);
                }
                if (frame.contains(marker)) {
                    ms[i] = (System.nanoTime() - sent) / 1e6;
                    break;
                }
            }
        }
        socket.abort();
        return ms;
    }

    private static String stats(double[] values) {
        double[] sorted = Arrays.stream(values).filter(v -> !Double.isNaN(v)).sorted().toArray();
        if (sorted.length == 0) {
            return "null";
        }
        return String.format(Locale.ROOT, "{\"n\":%d,\"p50\":%.1f,\"p99\":%.1f,\"max\":%.1f}", sorted.length,
                sorted[sorted.length / 2], sorted[Math.min(sorted.length - 1, (int) Math.ceil(sorted.length * 0.99) - 1)],
                sorted[sorted.length - 1]);
    }
}
