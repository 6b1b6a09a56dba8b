import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The slow abuse cases of the server, against 127.0.0.1 only, bounded in count and time (bench/abuse/run.sh):
 *
 * <pre>
 * flood   port=P slow=1000 ws=200 samples=40 token=T pid=N
 *                                            slow bodies and non-reading WebSocket clients held open while
 *                                            GET /version and GET /api/state are timed, then POST /quit;
 *                                            the server's RSS before and under the flood; prints JSON
 * burst   port=P threads=8 seconds=3 out=F [from=1]
 *                                            status and log writes as fast as answered, numbered from `from`;
 *                                            every write answered 204 is appended to F (session, kind, n)
 * check   port=P acked=F                     reads /api/state and counts the acknowledged writes it lacks
 * stall   port=P ws=200 seconds=90 pid=N     WebSocket subscribers that never read (4 KiB receive buffers) while
 *                                            the state changes 50 times a second; every 5 s the server's open
 *                                            connections on the port, its heap in use and GET /version's time;
 *                                            prints JSON
 * </pre>
 */
public final class Abuse {

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            String[] pair = args[i].split("=", 2);
            options.put(pair[0], pair[1]);
        }
        int port = Integer.parseInt(options.get("port"));
        switch (args[0]) {
            case "flood" -> flood(port, number(options, "slow", 1000), number(options, "ws", 200),
                    number(options, "samples", 40), options.get("token"), options.getOrDefault("pid", ""));
            case "burst" -> burst(port, number(options, "threads", 8), number(options, "seconds", 3),
                    Path.of(options.get("out")), number(options, "from", 1));
            case "check" -> check(port, Path.of(options.get("acked")));
            case "stall" -> stall(port, number(options, "ws", 200), number(options, "seconds", 90),
                    options.getOrDefault("pid", ""));
            default -> throw new IllegalArgumentException("flood, burst, check or stall");
        }
    }

    private static int number(Map<String, String> options, String name, int fallback) {
        return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
    }

    // ---- flood ----

    private static void flood(int port, int slowCount, int wsCount, int samples, String token, String pid)
            throws Exception {
        long rssBefore = rssKib(pid);
        long heapBefore = heapUsedKib(pid);
        List<Socket> held = new ArrayList<>();
        long[] idle = time(port, samples);
        try {
            for (int i = 0; i < slowCount; i++) {
                Socket socket = connect(port);
                held.add(socket);
                // A promised body of 100 000 bytes of which one arrives: the slow-body attack.
                send(socket, "POST /set-status HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{");
            }
            for (int i = 0; i < wsCount; i++) {
                Socket socket = connect(port);
                held.add(socket);
                webSocketHandshake(socket, port);
                // Commands whose error replies it never reads; a small receive buffer fills soon.
                for (int j = 0; j < 200; j++) {
                    sendFrame(socket, "{\"type\":\"nope-" + j + "\"}");
                }
            }
            long[] loaded = time(port, samples);
            long rssLoaded = rssKib(pid);
            long heapLoaded = heapUsedKib(pid);
            // /quit with the token, while every connection is still open: the server must still stop.
            long start = System.nanoTime();
            int quit;
            try (Socket socket = connect(port)) {
                socket.setSoTimeout(ANSWER_TIMEOUT_MS * 5);
                quit = token == null ? -1 : exchange(socket, "POST /quit HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nAuthorization: Bearer " + token + "\r\nContent-Length: 0\r\n\r\n");
            } catch (IOException noAnswer) {
                quit = -1;
            }
            double quitMs = (System.nanoTime() - start) / 1e6;
            System.out.printf("{\"slowBodies\":%d,\"webSocketClients\":%d,\"idle\":%s,\"loaded\":%s,"
                            + "\"quit\":{\"status\":%d,\"ms\":%.1f},\"rssKiB\":{\"before\":%d,\"loaded\":%d},"
                            + "\"heapUsedKiB\":{\"before\":%d,\"loaded\":%d}}%n",
                    slowCount, wsCount, stats(idle), stats(loaded), quit, quitMs, rssBefore, rssLoaded, heapBefore,
                    heapLoaded);
        } finally {
            for (Socket socket : held) {
                socket.close();
            }
        }
    }

    /** An answer slower than this counts as none (the server is frozen); its sample is this long. */
    private static final int ANSWER_TIMEOUT_MS = 2000;

    /**
     * Times GET /version and GET /api/state alternately, each over a fresh connection: microseconds per
     * answer, {@link #ANSWER_TIMEOUT_MS} for one that did not come (or was not a 200).
     */
    private static long[] time(int port, int samples) {
        long[] micros = new long[samples];
        for (int i = 0; i < samples; i++) {
            String path = i % 2 == 0 ? "/version" : "/api/state";
            long start = System.nanoTime();
            int status;
            try (Socket socket = connect(port)) {
                socket.setSoTimeout(ANSWER_TIMEOUT_MS);
                status = exchange(socket, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                        + "\r\nConnection: close\r\n\r\n");
            } catch (IOException noAnswer) {
                status = -1;
            }
            micros[i] = status == 200 ? (System.nanoTime() - start) / 1000 : ANSWER_TIMEOUT_MS * 1000L;
        }
        return micros;
    }

    private static String stats(long[] micros) {
        long[] sorted = micros.clone();
        Arrays.sort(sorted);
        long unanswered = Arrays.stream(micros).filter(m -> m >= ANSWER_TIMEOUT_MS * 1000L).count();
        return String.format("{\"p50Ms\":%.1f,\"p99Ms\":%.1f,\"maxMs\":%.1f,\"unanswered\":%d}",
                sorted[(sorted.length - 1) / 2] / 1000.0, sorted[(int) Math.ceil(sorted.length * 0.99) - 1] / 1000.0,
                sorted[sorted.length - 1] / 1000.0, unanswered);
    }

    private static void webSocketHandshake(Socket socket, int port) throws IOException {
        socket.setReceiveBufferSize(4096);
        String key = Base64.getEncoder().encodeToString("abuse-0123456789".getBytes(StandardCharsets.US_ASCII));
        send(socket, "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + key + "\r\nSec-WebSocket-Version: 13\r\n\r\n");
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("handshake refused: " + head);
            }
            head.append((char) next);
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            throw new IOException("handshake refused: " + head);
        }
    }

    private static void sendFrame(Socket socket, String text) throws IOException {
        byte[] payload = text.getBytes(StandardCharsets.UTF_8);
        byte[] frame = new byte[6 + payload.length];
        frame[0] = (byte) 0x81;
        frame[1] = (byte) (0x80 | payload.length);
        // Mask key zero: the masked payload is the payload itself.
        System.arraycopy(payload, 0, frame, 6, payload.length);
        socket.getOutputStream().write(frame);
    }

    // ---- stall ----

    /**
     * Subscribers that take the upgrade and then never read, with 4 KiB receive buffers, while one writer changes
     * a state of about 70 KiB 50 times a second: once their socket buffers are full the server's writes to them
     * stall, and the send deadline must let them go. Samples every 5 s.
     */
    private static void stall(int port, int wsCount, int seconds, String pid) throws Exception {
        String padding = "x".repeat(300);
        for (int i = 0; i < 200; i++) {
            post(port, "/set-status", "{\"session\":\"stall-" + i + "\",\"text\":\"" + padding + "\"}");
        }
        long rssBefore = rssKib(pid);
        List<Socket> held = new ArrayList<>();
        AtomicBoolean writing = new AtomicBoolean(true);
        Thread writer = Thread.ofPlatform().daemon().start(() -> {
            for (int n = 0; writing.get(); n++) {
                try {
                    post(port, "/set-status", "{\"session\":\"stall-0\",\"text\":\"tick " + n + "\"}");
                } catch (IOException refused) {
                    // Counted in the samples: /version is timed there.
                }
                sleep(20);
            }
        });
        StringBuilder samples = new StringBuilder();
        try {
            samples.append(sample(0, port, pid));
            for (int i = 0; i < wsCount; i++) {
                Socket socket = new Socket();
                held.add(socket);
                socket.setReceiveBufferSize(4096);
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                socket.setSoTimeout(30_000);
                webSocketHandshake(socket, port);
            }
            long start = System.nanoTime();
            for (int s = 5; s <= seconds; s += 5) {
                sleep(Math.max(0, start / 1_000_000 + s * 1000L - System.nanoTime() / 1_000_000));
                samples.append(',').append(sample(s, port, pid));
            }
        } finally {
            writing.set(false);
            writer.join();
            for (Socket socket : held) {
                socket.close();
            }
        }
        System.out.printf("{\"subscribers\":%d,\"seconds\":%d,\"rssKiB\":{\"before\":%d,\"end\":%d},\"samples\":[%s]}%n",
                wsCount, seconds, rssBefore, rssKib(pid), samples);
    }

    /** One sample: seconds since the subscribers connected, the server's open connections, heap, /version's time. */
    private static String sample(int second, int port, String pid) throws IOException {
        long[] version = time(port, 1);
        return String.format("{\"s\":%d,\"serverConnections\":%d,\"heapUsedKiB\":%d,\"versionMs\":%.1f}", second,
                serverConnections(port), heapUsedKib(pid), version[0] / 1000.0);
    }

    /**
     * Established TCP connections whose local port is the server's (its side of each), from /proc/net/tcp and
     * tcp6 (a JVM's sockets are IPv6 ones, with IPv4-mapped addresses, unless told otherwise).
     */
    private static long serverConnections(int port) throws IOException {
        String local = String.format(":%04X ", port);
        long count = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            count += Files.readAllLines(Path.of(table)).stream().skip(1)
                    .map(line -> line.trim().split("\\s+"))
                    .filter(fields -> (fields[1] + " ").endsWith(local) && fields[3].equals("01"))
                    .count();
        }
        return count;
    }

    private static void post(int port, String path, String json) throws IOException {
        try (Socket socket = connect(port)) {
            exchange(socket, "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                    + "\r\nContent-Type: application/json\r\nConnection: close\r\nContent-Length: "
                    + json.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + json);
        }
    }

    // ---- burst and check ----

    /** Numbers its writes from {@code from} on, so a later burst's writes are newer than an earlier one's. */
    private static void burst(int port, int threads, int seconds, Path out, int from) throws Exception {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        AtomicLong acked = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong notStored = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        try (var writer = Files.newBufferedWriter(out)) {
            for (int t = 0; t < threads; t++) {
                int id = t;
                workers.add(Thread.ofPlatform().start(() -> {
                    try (Socket socket = connect(port)) {
                        for (int n = from; System.nanoTime() < end && !stop.get(); n++) {
                            String session = "burst-" + id;
                            boolean log = n % 2 == 0;
                            String body = log ? "{\"session\":\"" + session + "\",\"message\":\"line " + n + "\"}"
                                    : "{\"session\":\"" + session + "\",\"text\":\"" + n + "\"}";
                            int status = exchange(socket, "POST " + (log ? "/log" : "/set-status") + " HTTP/1.1\r\nHost: 127.0.0.1:"
                                    + port + "\r\nContent-Type: application/json\r\nContent-Length: "
                                    + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body);
                            if (status == 204) {
                                synchronized (writer) {
                                    writer.write(session + " " + (log ? "log" : "status") + " " + n + "\n");
                                    writer.flush();
                                }
                                acked.incrementAndGet();
                            } else {
                                refused.incrementAndGet();
                                if (status == 507) {
                                    notStored.incrementAndGet();
                                }
                            }
                        }
                    } catch (IOException killed) {
                        stop.set(true);
                    }
                }));
            }
            for (Thread worker : workers) {
                worker.join();
            }
        }
        System.out.printf("{\"acknowledged\":%d,\"refused\":%d,\"answered507\":%d}%n", acked.get(), refused.get(),
                notStored.get());
    }

    /** For each session: the last acknowledged status must be there (or a newer one), and the last log line. */
    private static void check(int port, Path acked) throws Exception {
        Map<String, Long> lastStatus = new ConcurrentHashMap<>();
        Map<String, Long> lastLog = new ConcurrentHashMap<>();
        long count = 0;
        for (String line : Files.readAllLines(acked)) {
            String[] parts = line.split(" ");
            (parts[1].equals("log") ? lastLog : lastStatus).merge(parts[0], Long.parseLong(parts[2]), Math::max);
            count++;
        }
        String state = get(port, "/api/state");
        long missing = 0;
        for (var entry : lastStatus.entrySet()) {
            long stored = storedStatus(state, entry.getKey());
            if (stored < entry.getValue()) {
                missing++;
                System.err.println("lost status of " + entry.getKey() + ": acked " + entry.getValue() + ", stored " + stored);
            }
        }
        for (var entry : lastLog.entrySet()) {
            long stored = storedLog(state, entry.getKey());
            if (stored < entry.getValue()) {
                missing++;
                System.err.println("lost log of " + entry.getKey() + ": acked " + entry.getValue() + ", stored " + stored);
            }
        }
        System.out.printf("{\"acknowledged\":%d,\"sessionsChecked\":%d,\"lost\":%d}%n", count,
                lastStatus.size() + lastLog.size(), missing);
    }

    /** The session's entry of the state's {@code metadata} map, up to the next burst session's. */
    private static String entry(String state, String session) {
        int metadata = state.indexOf("\"metadata\":{");
        int at = metadata < 0 ? -1 : state.indexOf("\"" + session + "\":{", metadata);
        if (at < 0) {
            return "";
        }
        int next = state.indexOf("\"burst-", at + session.length() + 3);
        return state.substring(at, next < 0 ? state.length() : next);
    }

    /** The status text of the session, as a number; -1 when absent. */
    private static long storedStatus(String state, String session) {
        String entry = entry(state, session);
        int status = entry.indexOf("\"status\":{");
        int text = status < 0 ? -1 : entry.indexOf("\"text\":\"", status);
        return text < 0 ? -1 : leadingNumber(entry, text + 8);
    }

    /** The highest "line N" among the session's log lines; -1 when none. */
    private static long storedLog(String state, String session) {
        String entry = entry(state, session);
        long best = -1;
        for (int i = entry.indexOf("\"line "); i >= 0; i = entry.indexOf("\"line ", i + 1)) {
            best = Math.max(best, leadingNumber(entry, i + 6));
        }
        return best;
    }

    private static long leadingNumber(String text, int from) {
        int end = from;
        while (end < text.length() && Character.isDigit(text.charAt(end))) {
            end++;
        }
        return end == from ? -1 : Long.parseLong(text.substring(from, end));
    }

    // ---- plain HTTP/1.1 over sockets ----

    private static Socket connect(int port) throws IOException {
        for (int attempt = 1; ; attempt++) {
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                socket.setSoTimeout(30_000);
                return socket;
            } catch (IOException refused) {
                socket.close();
                if (attempt >= 20) {
                    throw new IOException("connection " + CONNECTED.get() + " refused " + attempt + " times", refused);
                }
                sleep(50);
            } finally {
                CONNECTED.incrementAndGet();
            }
        }
    }

    private static final AtomicLong CONNECTED = new AtomicLong();

    /** The resident size of the process, from /proc; -1 without a pid. */
    private static long rssKib(String pid) throws IOException {
        if (pid.isEmpty()) {
            return -1;
        }
        for (String line : Files.readAllLines(Path.of("/proc", pid, "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    /**
     * The server's heap in use (every generation: the lines "DefNew total ..., used ...K" and "Tenured ..." of
     * {@code jcmd <pid> GC.heap_info}, no collection forced),
     * or -1 when jcmd cannot tell.
     */
    private static long heapUsedKib(String pid) {
        if (pid.isEmpty()) {
            return -1;
        }
        try {
            Process jcmd = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), pid,
                    "GC.heap_info").redirectErrorStream(true).start();
            String out = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (jcmd.waitFor() != 0) {
                return -1;
            }
            long used = 0;
            Matcher m = Pattern.compile("(?m)^\\s*\\S[^\\n]*?\\s+total \\d+K, used (\\d+)K")
                    .matcher(out);
            while (m.find()) {
                used += Long.parseLong(m.group(1));
            }
            return used;
        } catch (IOException | InterruptedException failed) {
            return -1;
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(Socket socket, String text) throws IOException {
        OutputStream out = socket.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String get(int port, String path) throws IOException {
        try (Socket socket = connect(port)) {
            send(socket, "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nConnection: close\r\n\r\n");
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return answer.substring(answer.indexOf("\r\n\r\n") + 4);
        }
    }

    /** Sends one request and reads its answer (head and Content-Length body); the status code. */
    private static int exchange(Socket socket, String request) throws IOException {
        send(socket, request);
        InputStream in = socket.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                throw new IOException("connection closed");
            }
            head.append((char) next);
        }
        int length = 0;
        boolean chunked = false;
        for (String line : head.toString().split("\r\n")) {
            String lower = line.toLowerCase();
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            readChunks(in);
        } else {
            in.readNBytes(length);
        }
        return Integer.parseInt(head.substring(9, 12));
    }

    private static void readChunks(InputStream in) throws IOException {
        while (true) {
            StringBuilder size = new StringBuilder();
            while (!size.toString().endsWith("\r\n")) {
                size.append((char) in.read());
            }
            int n = Integer.parseInt(size.toString().trim(), 16);
            in.readNBytes(n + 2);
            if (n == 0) {
                return;
            }
        }
    }
}
