import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One sender of the event load: a kept-alive HTTP/1.1 connection that stands for an independent hook process.
 * It has one request in flight at a time (no pipelining), cycles its own agent threads through the statuses,
 * and remembers the last status it got accepted for each; it counts and times what lands in the measured
 * window. It does not block: an {@link EventLoop} drives many senders from one selector thread, so the load
 * tool spends a read and a write per event and shares the wake-ups between the senders that are ready
 * together. Every request is encoded once, before the load starts.
 */
final class EventSender {

    static final String AGENT = "bench-load";
    static final List<String> STATUSES = List.of("running", "tool-running", "waiting", "done", "error");
    /** An answer with no byte for this long counts as failed, and the connection is opened anew. */
    private static final long ANSWER_TIMEOUT_NANOS = 30_000_000_000L;

    private final int index;
    private final InetSocketAddress address;
    private final int agents;
    /** The encoded request for agent k and status s, at k * STATUSES.size() + s, read-only views. */
    private final ByteBuffer[] requests;
    private final String[] lastStatus;
    private final ByteBuffer answer = ByteBuffer.allocateDirect(8192);
    private final long measureFrom;
    private final long end;
    private SocketChannel channel;
    private SelectionKey key;
    private ByteBuffer request;
    private long turn;
    private int inFlightAgent;
    private int inFlightStatus;
    private long started;
    private boolean retried;
    private long sent;
    private long measured;
    private long failed;
    private String firstFailure = "";
    private long[] latencies = new long[1 << 14];

    EventSender(int index, int agents, int sessionCount, int port, long measureFrom, long end) {
        this.index = index;
        this.address = new InetSocketAddress("127.0.0.1", port);
        this.agents = agents;
        this.requests = new ByteBuffer[agents * STATUSES.size()];
        byte[] head = ("POST /api/agent-event HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
        for (int k = 0; k < agents; k++) {
            String session = String.format("s%02d", (index * agents + k) % sessionCount + 1);
            for (int s = 0; s < STATUSES.size(); s++) {
                byte[] body = ("{\"agent\":\"" + AGENT + "\",\"status\":\"" + STATUSES.get(s) + "\",\"tmuxSession\":\""
                        + session + "\",\"threadId\":\"" + threadId(k) + "\"}").getBytes(StandardCharsets.UTF_8);
                byte[] length = (body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
                ByteBuffer encoded = ByteBuffer.allocateDirect(head.length + length.length + body.length);
                encoded.put(head).put(length).put(body).flip();
                requests[k * STATUSES.size() + s] = encoded.asReadOnlyBuffer();
            }
        }
        this.lastStatus = new String[agents];
        this.measureFrom = measureFrom;
        this.end = end;
    }

    /** Opens the connection and sends the first request. */
    void start(Selector selector) {
        try {
            open(selector);
            next();
        } catch (IOException e) {
            fail(e.toString());
            close();
        }
    }

    /** Whether a request is waiting for its answer. */
    boolean busy() {
        return request != null;
    }

    /** Fails a request whose answer has not come for the timeout, and goes on over a new connection. */
    void checkTimeout(long now) {
        if (request != null && now - started > ANSWER_TIMEOUT_NANOS) {
            fail("no answer within 30 s");
            Selector selector = key.selector();
            close();
            start(selector);
        }
    }

    /** Called by the loop when the channel is ready: writes what is left of the request, reads the answer. */
    void ready(SelectionKey ready) {
        try {
            if (ready.isWritable()) {
                write();
            }
            if (ready.isReadable()) {
                read();
            }
        } catch (IOException e) {
            broken(e);
        }
    }

    private void open(Selector selector) throws IOException {
        channel = SocketChannel.open();
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        channel.connect(address);
        channel.configureBlocking(false);
        key = channel.register(selector, SelectionKey.OP_READ, this);
        answer.clear();
    }

    /** Sends the next request, or stops once the load has ended. */
    private void next() throws IOException {
        if (System.nanoTime() >= end) {
            request = null;
            close();
            return;
        }
        inFlightAgent = (int) (turn % agents);
        inFlightStatus = (int) ((turn / agents + inFlightAgent) % STATUSES.size());
        turn++;
        request = requests[inFlightAgent * STATUSES.size() + inFlightStatus].duplicate();
        retried = false;
        started = System.nanoTime();
        sent++;
        write();
    }

    private void write() throws IOException {
        channel.write(request);
        // Changing the interest costs the selector a system call at its next select: only when it changes.
        int wanted = request.hasRemaining() ? SelectionKey.OP_READ | SelectionKey.OP_WRITE : SelectionKey.OP_READ;
        if (key.interestOps() != wanted) {
            key.interestOps(wanted);
        }
    }

    private void read() throws IOException {
        if (channel.read(answer) < 0) {
            throw new IOException("connection closed by the server");
        }
        int code = answered();
        if (code == 0) {
            if (!answer.hasRemaining()) {
                throw new IOException("answer headers over " + answer.capacity() + " bytes");
            }
            return;
        }
        long done = System.nanoTime();
        if (code != 204) {
            fail("HTTP " + code + " for " + threadId(inFlightAgent));
        } else {
            lastStatus[inFlightAgent] = STATUSES.get(inFlightStatus);
            if (started >= measureFrom && done < end) {
                if (measured == latencies.length) {
                    latencies = Arrays.copyOf(latencies, latencies.length * 2);
                }
                latencies[(int) measured++] = done - started;
            }
        }
        next();
    }

    /**
     * The status of the answer once it has all arrived (its headers and its Content-Length body), 0 while it
     * has not; then the buffer is emptied for the next. An answer that asks to close the connection closes it,
     * and the next request goes over a new one. Read from the bytes, without a String per answer.
     */
    private int answered() throws IOException {
        int limit = answer.position();
        int headEnd = -1;
        for (int i = 0; i + 3 < limit; i++) {
            if (answer.get(i) == '\r' && answer.get(i + 1) == '\n' && answer.get(i + 2) == '\r' && answer.get(i + 3) == '\n') {
                headEnd = i;
                break;
            }
        }
        if (headEnd < 0) {
            return 0;
        }
        if (headEnd < 12 || !startsWith(0, STATUS_LINE) || !digit(9) || !digit(10) || !digit(11)) {
            byte[] bytes = new byte[Math.min(headEnd, 80)];
            answer.get(0, bytes);
            throw new IOException("bad status line: " + new String(bytes, StandardCharsets.ISO_8859_1).lines().findFirst().orElse(""));
        }
        int code = (answer.get(9) - '0') * 100 + (answer.get(10) - '0') * 10 + (answer.get(11) - '0');
        long contentLength = 0;
        boolean keepAlive = true;
        for (int line = indexOfLineEnd(0, headEnd) + 2; line < headEnd; line = indexOfLineEnd(line, headEnd) + 2) {
            int lineEnd = indexOfLineEnd(line, headEnd);
            if (startsWith(line, CONTENT_LENGTH)) {
                contentLength = 0;
                for (int i = line + CONTENT_LENGTH.length; i < lineEnd; i++) {
                    byte b = answer.get(i);
                    if (b >= '0' && b <= '9') {
                        contentLength = contentLength * 10 + (b - '0');
                    } else if (b != ' ') {
                        throw new IOException("bad Content-Length");
                    }
                }
            } else if (startsWith(line, CONNECTION) && contains(line + CONNECTION.length, lineEnd, CLOSE)) {
                keepAlive = false;
            } else if (startsWith(line, TRANSFER_ENCODING)) {
                throw new IOException("chunked answers are not expected here");
            }
        }
        if (limit < headEnd + 4 + contentLength) {
            if (headEnd + 4 + contentLength > answer.capacity()) {
                throw new IOException("answer over " + answer.capacity() + " bytes");
            }
            return 0;
        }
        if (limit > headEnd + 4 + contentLength) {
            throw new IOException("bytes after the answer, with one request in flight");
        }
        answer.clear();
        if (!keepAlive) {
            Selector selector = key.selector();
            close();
            open(selector);
        }
        return code;
    }

    private static final byte[] STATUS_LINE = ascii("http/1.1 ");
    private static final byte[] CONTENT_LENGTH = ascii("content-length:");
    private static final byte[] CONNECTION = ascii("connection:");
    private static final byte[] TRANSFER_ENCODING = ascii("transfer-encoding:");
    private static final byte[] CLOSE = ascii("close");

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    /** Whether the answer has {@code prefix} at {@code at}, letters compared without case. */
    private boolean startsWith(int at, byte[] prefix) {
        if (at + prefix.length > answer.position()) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (Character.toLowerCase(answer.get(at + i)) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean contains(int from, int to, byte[] word) {
        for (int i = from; i + word.length <= to; i++) {
            if (startsWith(i, word)) {
                return true;
            }
        }
        return false;
    }

    private boolean digit(int at) {
        return answer.get(at) >= '0' && answer.get(at) <= '9';
    }

    private int indexOfLineEnd(int from, int headEnd) {
        for (int i = from; i + 1 < headEnd; i++) {
            if (answer.get(i) == '\r' && answer.get(i + 1) == '\n') {
                return i;
            }
        }
        return headEnd;
    }

    /**
     * A connection the server closed or broke: a request with no byte of answer yet is sent once more over a new
     * connection (the server may close a kept-alive connection between requests); otherwise it counts as failed.
     */
    private void broken(IOException e) {
        Selector selector = key.selector();
        boolean resend = request != null && answer.position() == 0 && !retried;
        close();
        try {
            open(selector);
            if (resend) {
                retried = true;
                request.rewind();
                write();
            } else {
                fail(e.toString());
                next();
            }
        } catch (IOException again) {
            fail(again.toString());
            request = null;
            close();
        }
    }

    /** The last accepted status of each agent thread, by thread id. */
    Map<String, String> lastStatuses() {
        Map<String, String> last = new HashMap<>();
        for (int k = 0; k < lastStatus.length; k++) {
            if (lastStatus[k] != null) {
                last.put(threadId(k), lastStatus[k]);
            }
        }
        return last;
    }

    long sent() {
        return sent;
    }

    long measured() {
        return measured;
    }

    long failed() {
        return failed;
    }

    String firstFailure() {
        return firstFailure.replace('"', '\'');
    }

    long[] latencies() {
        return Arrays.copyOf(latencies, (int) measured);
    }

    private String threadId(int k) {
        return "w" + index + "-t" + k;
    }

    private void fail(String why) {
        failed++;
        if (firstFailure.isEmpty()) {
            firstFailure = why;
        }
    }

    void close() {
        if (channel != null) {
            if (key != null) {
                key.cancel();
            }
            try {
                channel.close();
            } catch (IOException ignored) {
                // Closing a channel that already failed: nothing left to release.
            }
            channel = null;
            key = null;
        }
    }
}
