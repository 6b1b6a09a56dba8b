import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Checks what the server puts on the wire of /ws, byte by byte. Each round connects {@code count} raw-socket
 * subscribers at once and {@code jdk} subscribers of the JDK's WebSocket client ({@link JdkSubscriber}, one after the
 * other, as bench/long-run.sh connects them) while pushes change the state at {@code rate} a second (0: none). A raw
 * subscriber checks every frame's header (no reserved bits, no mask, a known opcode, a continuation only inside a
 * fragmented message, a data frame only outside one) and each text message's UTF-8 across its fragments, and that the
 * first message is {@code hello} and the second {@code state}; it then stays {@code hold} ms and checks what comes.
 * The JDK subscribers connect through a relay that records every byte the server sent them ({@code relay=true}):
 * when one of them misses its first state or fails, the same checks run on what the server actually sent it, which
 * tells a fault of the server's bytes from one of the client. Prints one line per round and a JSON summary.
 * Settings: count (50), jdk (0), rounds (10), rate (50), session, hold (1000 ms), timeout (20000 ms per round), relay.
 */
final class WireCheck {

    private WireCheck() {
    }

    static void run(Options options) throws Exception {
        int port = options.port();
        int count = options.integer("count", 50);
        int jdk = options.integer("jdk", 0);
        int rounds = options.integer("rounds", 10);
        long hold = options.integer("hold", 1000);
        long timeout = options.integer("timeout", 20_000);
        boolean relay = Boolean.parseBoolean(options.text("relay", "true"));
        double rate = options.decimal("rate", 50);
        StatusBurst burst = new StatusBurst(port, options.text("session", "s01"), Math.max(rate, 0.001));
        Thread driver = rate > 0 ? Thread.ofPlatform().name("burst").start(burst) : null;
        Map<String, Integer> faults = new TreeMap<>();
        Totals totals = new Totals();
        int failedRounds = 0;
        try {
            for (int round = 1; round <= rounds; round++) {
                long deadline = System.currentTimeMillis() + timeout;
                List<Raw> raws = new ArrayList<>();
                List<Thread> readers = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    Raw raw = new Raw(port, hold, deadline);
                    raws.add(raw);
                    readers.add(Thread.ofPlatform().name("raw-" + i).start(raw));
                }
                Map<String, Integer> roundFaults = new TreeMap<>();
                if (jdk > 0) {
                    jdkRound(port, jdk, hold, deadline, relay).forEach((what, n) -> roundFaults.merge("jdk client: " + what, n, Integer::sum));
                }
                for (Thread reader : readers) {
                    reader.join();
                }
                for (Raw raw : raws) {
                    totals.add(raw.check);
                    if (raw.check.fault != null) {
                        roundFaults.merge("raw: " + raw.check.fault, 1, Integer::sum);
                    }
                }
                roundFaults.forEach((what, n) -> faults.merge(what, n, Integer::sum));
                if (!roundFaults.isEmpty()) {
                    failedRounds++;
                }
                System.err.printf(Locale.ROOT, "wire: round %d: %d raw and %d JDK subscribers, %s%n", round, count, jdk,
                        roundFaults.isEmpty() ? "all fine" : roundFaults);
            }
        } finally {
            burst.stop();
            if (driver != null) {
                driver.join();
            }
        }
        StringBuilder faultJson = new StringBuilder("{");
        faults.forEach((what, n) -> faultJson.append(faultJson.length() > 1 ? "," : "")
                .append('"').append(what.replace("\\", "\\\\").replace("\"", "'")).append("\":").append(n));
        faultJson.append('}');
        System.out.printf(Locale.ROOT, "{\"rounds\":%d,\"rawSubscribers\":%d,\"jdkSubscribers\":%d,\"failedRounds\":%d,"
                        + "\"rawFrames\":%d,\"rawMessages\":%d,\"fragmentedMessages\":%d,\"nonAsciiMessages\":%d,"
                        + "\"largestMessage\":%d,\"changes\":%d,\"faults\":%s}%n",
                rounds, count, jdk, failedRounds, totals.frames, totals.messages, totals.fragmented, totals.nonAscii,
                totals.largest, burst.sent(), faultJson);
    }

    /**
     * The JDK's subscribers, connected one after the other (each handshake awaited), through a recording relay when
     * asked: what each lacks at the deadline or after its hold time, and for each that lacks something, what the
     * checks find in the bytes the server sent it.
     */
    private static Map<String, Integer> jdkRound(int port, int count, long hold, long deadline, boolean relayed)
            throws Exception {
        Map<String, Integer> faults = new TreeMap<>();
        try (Relay relay = relayed ? new Relay(port) : null; HttpClient client = HttpClient.newHttpClient()) {
            URI uri = URI.create("ws://127.0.0.1:" + (relay != null ? relay.port() : port) + "/ws");
            List<JdkSubscriber> subscribers = new ArrayList<>();
            List<WebSocket> sockets = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                JdkSubscriber subscriber = new JdkSubscriber();
                sockets.add(client.newWebSocketBuilder().buildAsync(uri, subscriber).join());
                subscribers.add(subscriber);
            }
            while (System.currentTimeMillis() < deadline && subscribers.stream().anyMatch(s -> s.frames() < 2 && !s.closed())) {
                Thread.sleep(10);
            }
            Thread.sleep(Math.max(0, Math.min(hold, deadline - System.currentTimeMillis())));
            for (int i = 0; i < count; i++) {
                JdkSubscriber subscriber = subscribers.get(i);
                String what = null;
                if (subscriber.frames() < 2) {
                    what = subscriber.frames() + " frames, " + (subscriber.closed() ? subscriber.ending() : "open");
                } else if (subscriber.closed()) {
                    what = "after " + subscriber.frames() + " frames: " + subscriber.ending();
                }
                if (what != null && relay != null) {
                    byte[] received = relay.received(i);
                    Check sent = Check.recorded(received);
                    what += "; the server sent " + sent.messages + " whole messages"
                            + (sent.fault == null ? ", all valid" : ", then: " + sent.fault);
                    System.err.printf(Locale.ROOT, "wire: JDK subscriber %d: %s; the relay's reads from the server"
                            + " (bytes): %s; the upgrade answer is %d bytes%n", i, what, relay.reads(i), headLength(received));
                }
                if (what != null) {
                    faults.merge(what, 1, Integer::sum);
                }
            }
            sockets.forEach(WebSocket::abort);
        }
        return faults;
    }

    private static int headLength(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        return end < 0 ? -1 : end + 4;
    }

    /** Frames, messages and sizes seen by the raw subscribers. */
    private static final class Totals {
        long frames;
        long messages;
        long fragmented;
        long nonAscii;
        long largest;

        void add(Check check) {
            frames += check.frames;
            messages += check.messages;
            fragmented += check.fragmented;
            nonAscii += check.nonAscii;
            largest = Math.max(largest, check.largest);
        }
    }

    /** One raw subscriber: the handshake, then every frame checked until it has hello, state and its hold time. */
    private static final class Raw implements Runnable {

        private final int port;
        private final long hold;
        private final long deadline;
        final Check check;

        Raw(int port, long hold, long deadline) {
            this.port = port;
            this.hold = hold;
            this.deadline = deadline;
            this.check = new Check(deadline);
        }

        @Override
        public void run() {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                socket.setSoTimeout(100);
                InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
                Subscriber.askUpgrade(socket.getOutputStream(), port);
                check.frames(in, hold);
            } catch (IOException e) {
                check.fault = check.fault != null ? check.fault : "io: " + e;
            }
        }
    }

    /**
     * The checks on one connection's bytes from the server: the upgrade's answer, then frames. On a live socket
     * (reads time out now and then) it stops at the deadline, or {@code hold} ms after the first state; on recorded
     * bytes at their end.
     */
    private static final class Check {

        private final long deadline;
        private long stayUntil = Long.MAX_VALUE;
        long frames;
        long messages;
        long fragmented;
        long nonAscii;
        long largest;
        String fault;

        Check(long deadline) {
            this.deadline = deadline;
        }

        /** The checks on bytes a relay recorded; {@code fault} names the first broken rule, if any. */
        static Check recorded(byte[] bytes) {
            Check check = new Check(Long.MAX_VALUE);
            try {
                check.frames(new ByteArrayInputStream(bytes), Long.MAX_VALUE / 2);
            } catch (IOException e) {
                check.fault = check.fault != null ? check.fault : "io: " + e;
            }
            if (check.fault == null && check.messages < 2) {
                check.fault = "the recording ends after " + check.messages + " messages, " + bytes.length + " bytes";
            }
            return check;
        }

        /** Thrown by a read once the subscriber has stayed long enough. */
        private static final class Done extends IOException {
        }

        private int readByte(InputStream in) throws IOException {
            while (true) {
                try {
                    int b = in.read();
                    if (b < 0) {
                        throw new EOFException("the server closed the connection");
                    }
                    return b;
                } catch (SocketTimeoutException e) {
                    long now = System.currentTimeMillis();
                    if (now > stayUntil) {
                        throw new Done();
                    }
                    if (now > deadline) {
                        throw e;
                    }
                }
            }
        }

        void frames(InputStream in, long hold) throws IOException {
            StringBuilder head = new StringBuilder();
            try {
                while (!head.toString().endsWith("\r\n\r\n")) {
                    head.append((char) readByte(in));
                }
            } catch (EOFException e) {
                fault = "no complete upgrade answer";
                return;
            }
            if (!head.toString().startsWith("HTTP/1.1 101")) {
                fault = "no upgrade: " + head.toString().lines().findFirst().orElse("");
                return;
            }
            ByteArrayOutputStream message = new ByteArrayOutputStream();
            boolean inMessage = false;
            int fragments = 0;
            while (true) {
                int b0;
                int b1;
                long length;
                byte[] payload;
                try {
                    b0 = readByte(in);
                    b1 = readByte(in);
                    if ((b0 & 0x70) != 0) {
                        fault = String.format("reserved bits set in frame %d (header 0x%02x 0x%02x)", frames + 1, b0, b1);
                        return;
                    }
                    if ((b1 & 0x80) != 0) {
                        fault = "masked frame from the server";
                        return;
                    }
                    length = b1 & 0x7f;
                    if (length == 126) {
                        length = (readByte(in) << 8) | readByte(in);
                    } else if (length == 127) {
                        length = 0;
                        for (int i = 0; i < 8; i++) {
                            length = (length << 8) | readByte(in);
                        }
                    }
                    if (length > (16 << 20)) {
                        fault = "frame length " + length + " (corrupt header)";
                        return;
                    }
                    payload = new byte[(int) length];
                    for (int i = 0; i < payload.length; i++) {
                        payload[i] = (byte) readByte(in);
                    }
                } catch (Done done) {
                    return;
                } catch (SocketTimeoutException e) {
                    fault = messages == 0 ? "nothing within the timeout"
                            : messages == 1 ? "hello only, open" : "stuck after " + messages + " messages";
                    return;
                } catch (EOFException e) {
                    if (messages < 2) {
                        fault = "closed after " + messages + " messages";
                    }
                    return;
                }
                frames++;
                boolean fin = (b0 & 0x80) != 0;
                int opcode = b0 & 0x0f;
                switch (opcode) {
                    case 0x0 -> {
                        if (!inMessage) {
                            fault = "continuation outside a message";
                            return;
                        }
                    }
                    case 0x1 -> {
                        if (inMessage) {
                            fault = "text frame inside a fragmented message (interleaved)";
                            return;
                        }
                        inMessage = true;
                        fragments = 0;
                        message.reset();
                    }
                    case 0x8 -> {
                        if (messages < 2) {
                            fault = "close frame after " + messages + " messages";
                        }
                        return;
                    }
                    case 0x9, 0xA -> {
                        continue;
                    }
                    default -> {
                        fault = "opcode " + opcode;
                        return;
                    }
                }
                fragments++;
                message.write(payload, 0, payload.length);
                byte[] whole = message.toByteArray();
                // A character may be split between two fragments; none may be malformed.
                if (!decodes(whole, fin)) {
                    fault = "invalid UTF-8 in message " + (messages + 1) + " fragment " + fragments;
                    return;
                }
                if (!fin) {
                    continue;
                }
                inMessage = false;
                messages++;
                if (fragments > 1) {
                    fragmented++;
                }
                for (byte b : whole) {
                    if (b < 0) {
                        nonAscii++;
                        break;
                    }
                }
                largest = Math.max(largest, whole.length);
                String json = new String(whole, StandardCharsets.UTF_8);
                String expected = messages == 1 ? "hello" : "state";
                if (!json.startsWith("{\"type\":\"") || !json.endsWith("}")) {
                    fault = "message " + messages + " is not a JSON object: " + json.substring(0, Math.min(40, json.length()));
                    return;
                }
                if (messages <= 2 && !json.startsWith("{\"type\":\"" + expected + "\"")) {
                    fault = "message " + messages + " is not " + expected + ": " + json.substring(0, Math.min(40, json.length()));
                    return;
                }
                if (messages == 2) {
                    stayUntil = System.currentTimeMillis() + hold;
                }
            }
        }

        private static boolean decodes(byte[] all, boolean last) {
            CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            try {
                if (last) {
                    decoder.decode(ByteBuffer.wrap(all));
                    return true;
                }
                CoderResult result = decoder.decode(ByteBuffer.wrap(all), CharBuffer.allocate(all.length), false);
                return !result.isError();
            } catch (CharacterCodingException e) {
                return false;
            }
        }
    }

    /**
     * A loopback relay in front of the server: each accepted connection, in order, is joined to a new connection to
     * the server, and every byte from the server is recorded before it is passed on (as one write per read, so the
     * client sees the server's bursts as bursts).
     */
    private static final class Relay implements AutoCloseable {

        private final ServerSocket listener;
        private final List<ByteArrayOutputStream> recordings = new ArrayList<>();
        private final List<List<Integer>> readSizes = new ArrayList<>();
        private final List<Socket> sockets = new ArrayList<>();
        private final Thread acceptor;

        Relay(int serverPort) throws IOException {
            listener = new ServerSocket(0, 128, InetAddress.getLoopbackAddress());
            acceptor = Thread.ofPlatform().name("relay").start(() -> {
                while (!listener.isClosed()) {
                    try {
                        Socket client = listener.accept();
                        Socket server = new Socket("127.0.0.1", serverPort);
                        client.setTcpNoDelay(true);
                        server.setTcpNoDelay(true);
                        ByteArrayOutputStream recording = new ByteArrayOutputStream();
                        List<Integer> reads = new ArrayList<>();
                        synchronized (this) {
                            recordings.add(recording);
                            readSizes.add(reads);
                            sockets.add(client);
                            sockets.add(server);
                        }
                        Thread.ofPlatform().daemon().start(() -> upstream(client, server, serverPort));
                        pump(server, client, recording, reads);
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
        }

        /** The client's upgrade request with the server's port in its Host (the server refuses another), then the rest. */
        private static void upstream(Socket client, Socket server, int serverPort) {
            try {
                InputStream in = client.getInputStream();
                ByteArrayOutputStream head = new ByteArrayOutputStream();
                while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
                    int b = in.read();
                    if (b < 0) {
                        return;
                    }
                    head.write(b);
                }
                String request = head.toString(StandardCharsets.ISO_8859_1)
                        .replaceFirst("(?im)^host: [^\r]*", "Host: 127.0.0.1:" + serverPort);
                OutputStream out = server.getOutputStream();
                out.write(request.getBytes(StandardCharsets.ISO_8859_1));
                out.flush();
            } catch (IOException ended) {
                return;
            }
            pump(client, server, null, null);
        }

        private static void pump(Socket from, Socket to, ByteArrayOutputStream recording, List<Integer> reads) {
            Thread.ofPlatform().daemon().start(() -> {
                byte[] buffer = new byte[1 << 16];
                try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        if (recording != null) {
                            synchronized (recording) {
                                recording.write(buffer, 0, n);
                                reads.add(n);
                            }
                        }
                        out.write(buffer, 0, n);
                        out.flush();
                    }
                } catch (IOException ended) {
                    // Either side went away; the other pump ends with it.
                }
            });
        }

        int port() {
            return listener.getLocalPort();
        }

        /** What the server sent on the relay's {@code index}-th connection so far. */
        byte[] received(int index) {
            ByteArrayOutputStream recording;
            synchronized (this) {
                recording = recordings.get(index);
            }
            synchronized (recording) {
                return recording.toByteArray();
            }
        }

        /** The sizes of the relay's reads from the server on its {@code index}-th connection, the first 8. */
        String reads(int index) {
            ByteArrayOutputStream recording;
            List<Integer> reads;
            synchronized (this) {
                recording = recordings.get(index);
                reads = readSizes.get(index);
            }
            synchronized (recording) {
                return reads.subList(0, Math.min(8, reads.size())).toString();
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
            synchronized (this) {
                for (Socket socket : sockets) {
                    socket.close();
                }
            }
        }
    }
}
