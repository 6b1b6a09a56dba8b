package dev.opensessions.testkit;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client (RFC 6455) over a plain socket, for tests. Not the JDK's {@code java.net.http} client: that
 * one now and then loses the bytes that arrive in the same read as the {@code 101} answer. Here every byte read
 * goes into one buffer, the answer's head is taken from it and the rest stays for the first frames. Every wait has
 * a deadline; a wait that runs out throws {@link SocketTimeoutException} and leaves the connection usable (a
 * frame read in part stays buffered). Text from the server is decoded strictly: invalid UTF-8 is an error, never a
 * replacement character. Frames from the server are checked (no mask, no reserved bits, control frames short and
 * whole). Pings are answered at once; a close frame is answered with the same code. One thread reads; any may send.
 */
public final class RawWebSocket implements AutoCloseable {

    /** What {@link #receive} returns: a whole message (fragments joined), the answer to a ping, or the close. */
    public sealed interface Message {

        /** A text message, decoded strictly. */
        record Text(String text) implements Message {
        }

        /** A binary message. */
        record Binary(byte[] data) implements Message {
        }

        /** The answer to a {@link #ping}. */
        record Pong(byte[] data) implements Message {
        }

        /** The server's close frame: its code ({@value #NO_CODE} when it carried none) and reason. */
        record Close(int code, String reason) implements Message {

            /** The code RFC 6455 reports for a close frame without one. */
            public static final int NO_CODE = 1005;
        }
    }

    /** The server answered the upgrade request with another status than 101. */
    public static final class Refused extends IOException {

        private final int status;

        Refused(int status, String head) {
            super("upgrade refused: " + head.lines().findFirst().orElse(""));
            this.status = status;
        }

        /** The HTTP status of the answer. */
        public int status() {
            return status;
        }
    }

    static final String ACCEPT_GUID = "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
    /** Larger messages are refused rather than buffered: a test server gone wrong must not fill the test's heap. */
    static final int MAX_MESSAGE = 64 << 20;
    private static final int MAX_HEAD = 64 << 10;

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final String key;
    private final Object writing = new Object();
    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;
    private boolean upgraded;
    private int fragmentOpcode = -1;
    private byte[] fragments = new byte[0];
    private volatile boolean closeSent;

    private RawWebSocket(Socket socket, String key) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
        this.out = socket.getOutputStream();
        this.key = key;
    }

    /** Connects, asks for the upgrade and waits for the answer, all within the deadline. */
    public static RawWebSocket connect(URI uri, Map<String, String> headers, Duration deadline) throws IOException {
        long until = System.nanoTime() + deadline.toNanos();
        RawWebSocket socket = request(uri, headers, deadline);
        try {
            socket.awaitUpgrade(Duration.ofNanos(Math.max(1, until - System.nanoTime())));
            return socket;
        } catch (IOException | RuntimeException failed) {
            socket.abort();
            throw failed;
        }
    }

    /**
     * Connects and writes the upgrade request without waiting for the answer (so a crowd can ask at once); call
     * {@link #awaitUpgrade} next. {@code headers} are sent as given; a {@code Host} among them replaces the
     * default ({@code host:port} of the URI). A header name or value with CR or LF is refused.
     */
    public static RawWebSocket request(URI uri, Map<String, String> headers, Duration deadline) throws IOException {
        return request(uri, headers, deadline, 0);
    }

    /**
     * As {@link #request(URI, Map, Duration)}, with the socket's receive buffer set to {@code receiveBuffer} bytes
     * before it connects (0: the system's default), for a test of a client that stops reading: the server's writes
     * then stall after little data.
     */
    public static RawWebSocket request(URI uri, Map<String, String> headers, Duration deadline, int receiveBuffer)
            throws IOException {
        if (!"ws".equals(uri.getScheme()) || uri.getHost() == null || uri.getPort() < 0) {
            throw new IllegalArgumentException("expected ws://host:port/path, got " + uri);
        }
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String key = Base64.getEncoder().encodeToString(nonce);
        Map<String, String> all = new LinkedHashMap<>();
        all.put("Host", uri.getHost() + ":" + uri.getPort());
        headers.forEach((name, value) -> {
            if ((name + value).indexOf('\r') >= 0 || (name + value).indexOf('\n') >= 0) {
                throw new IllegalArgumentException("a header with CR or LF: " + name);
            }
            all.keySet().removeIf(known -> known.equalsIgnoreCase(name));
            all.put(name, value);
        });
        all.put("Upgrade", "websocket");
        all.put("Connection", "Upgrade");
        all.put("Sec-WebSocket-Key", key);
        all.put("Sec-WebSocket-Version", "13");
        StringBuilder head = new StringBuilder("GET ").append(uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n");
        all.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");

        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) Math.max(1, deadline.toMillis()));
            RawWebSocket client = new RawWebSocket(socket, key);
            client.out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            client.out.flush();
            return client;
        } catch (IOException | RuntimeException failed) {
            socket.close();
            throw failed;
        }
    }

    /**
     * Reads the answer to the upgrade request: {@link Refused} for another status than 101, a
     * {@link ProtocolException} for a 101 without the right {@code Sec-WebSocket-Accept}, {@code Upgrade} or
     * {@code Connection}. Bytes after the answer's head are kept: they are the first frames.
     */
    public void awaitUpgrade(Duration deadline) throws IOException {
        if (upgraded) {
            throw new IllegalStateException("already upgraded");
        }
        long until = System.nanoTime() + deadline.toNanos();
        int headEnd;
        while ((headEnd = indexOfBlankLine()) < 0) {
            if (end - start > MAX_HEAD) {
                throw new ProtocolException("an upgrade answer over " + MAX_HEAD + " bytes");
            }
            fill(until);
        }
        String head = new String(buffer, start, headEnd - start, StandardCharsets.ISO_8859_1);
        start = headEnd + 4;
        String[] lines = head.split("\r\n");
        String[] status = lines[0].split(" ", 3);
        if (status.length < 2 || !status[0].startsWith("HTTP/1.")) {
            throw new ProtocolException("not an HTTP answer: " + lines[0]);
        }
        int code = Integer.parseInt(status[1]);
        if (code != 101) {
            throw new Refused(code, head);
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                fields.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim(), (a, b) -> a + ", " + b);
            }
        }
        if (!"websocket".equalsIgnoreCase(fields.get("upgrade"))) {
            throw new ProtocolException("101 without Upgrade: websocket");
        }
        if (Arrays.stream(fields.getOrDefault("connection", "").split(","))
                .noneMatch(token -> token.trim().equalsIgnoreCase("upgrade"))) {
            throw new ProtocolException("101 without Connection: Upgrade");
        }
        if (!accept(key).equals(fields.get("sec-websocket-accept"))) {
            throw new ProtocolException("101 with Sec-WebSocket-Accept " + fields.get("sec-websocket-accept")
                    + ", expected " + accept(key));
        }
        upgraded = true;
    }

    /** The {@code Sec-WebSocket-Accept} a server must answer to this key. */
    static String accept(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest((key + ACCEPT_GUID).getBytes(StandardCharsets.US_ASCII));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException(missing);
        }
    }

    /**
     * The next message within the deadline. Pings on the way are answered and not returned. After the server's
     * close (returned once, and answered), the next call meets the end of the stream ({@link EOFException}).
     */
    public Message receive(Duration deadline) throws IOException {
        if (!upgraded) {
            throw new IllegalStateException("not upgraded yet");
        }
        long until = System.nanoTime() + deadline.toNanos();
        while (true) {
            Frame frame = nextFrame(until);
            switch (frame.opcode) {
                case 0x0, 0x1, 0x2 -> {
                    Message whole = data(frame);
                    if (whole != null) {
                        return whole;
                    }
                }
                case 0x8 -> {
                    return closed(frame);
                }
                case 0x9 -> send(true, 0xA, frame.payload);
                case 0xA -> {
                    return new Message.Pong(frame.payload);
                }
                default -> throw new ProtocolException("a frame with the unknown opcode " + frame.opcode);
            }
        }
    }

    /** Sends one text message in one frame. */
    public void sendText(String text) throws IOException {
        send(true, 0x1, encode(text));
    }

    /** Sends a ping; its {@link Message.Pong} comes back through {@link #receive}. */
    public void ping(byte[] data) throws IOException {
        send(true, 0x9, data);
    }

    /** Sends the close frame once; later calls do nothing. */
    public void sendClose(int code, String reason) throws IOException {
        byte[] text = encode(reason);
        byte[] payload = new byte[2 + text.length];
        payload[0] = (byte) (code >> 8);
        payload[1] = (byte) code;
        System.arraycopy(text, 0, payload, 2, text.length);
        synchronized (writing) {
            if (closeSent) {
                return;
            }
            closeSent = true;
            send(true, 0x8, payload);
        }
    }

    /**
     * Writes one frame as given, masked as a client's must be (for tests that send fragments or odd opcodes);
     * control frames over 125 bytes are refused.
     */
    public void send(boolean fin, int opcode, byte[] payload) throws IOException {
        if (opcode >= 0x8 && (payload.length > 125 || !fin)) {
            throw new IllegalArgumentException("a control frame must be whole and at most 125 bytes");
        }
        int length = payload.length;
        int header = length < 126 ? 2 : length <= 0xFFFF ? 4 : 10;
        byte[] frame = new byte[header + 4 + length];
        frame[0] = (byte) ((fin ? 0x80 : 0) | (opcode & 0x0F));
        if (length < 126) {
            frame[1] = (byte) (0x80 | length);
        } else if (length <= 0xFFFF) {
            frame[1] = (byte) (0x80 | 126);
            frame[2] = (byte) (length >> 8);
            frame[3] = (byte) length;
        } else {
            frame[1] = (byte) (0x80 | 127);
            for (int i = 0; i < 8; i++) {
                frame[2 + i] = (byte) ((long) length >> (56 - 8 * i));
            }
        }
        byte[] mask = new byte[4];
        ThreadLocalRandom.current().nextBytes(mask);
        System.arraycopy(mask, 0, frame, header, 4);
        for (int i = 0; i < length; i++) {
            frame[header + 4 + i] = (byte) (payload[i] ^ mask[i & 3]);
        }
        synchronized (writing) {
            out.write(frame);
            out.flush();
        }
    }

    /** Whether this side has sent its close frame. */
    public boolean closeSent() {
        return closeSent;
    }

    /** Says goodbye (close 1000) unless a close was sent already, then closes the socket without waiting. */
    @Override
    public void close() {
        try {
            sendClose(1000, "");
        } catch (IOException gone) {
            // The server hung up first: there is nobody left to say goodbye to.
        } finally {
            abort();
        }
    }

    /** Closes the socket without the closing handshake, as a killed process would. */
    public void abort() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Closing a closed socket changes nothing.
        }
    }

    /** The underlying socket, for tests that tune it (a small receive buffer for a client that never reads). */
    public Socket socket() {
        return socket;
    }

    private record Frame(boolean fin, int opcode, byte[] payload) {
    }

    private Message data(Frame frame) throws IOException {
        if (frame.opcode == 0x0 && fragmentOpcode < 0) {
            throw new ProtocolException("a continuation frame without a message to continue");
        }
        if (frame.opcode != 0x0 && fragmentOpcode >= 0) {
            throw new ProtocolException("a new message inside a fragmented one");
        }
        if (frame.opcode != 0x0 && frame.fin) {
            return message(frame.opcode, frame.payload);
        }
        if ((long) fragments.length + frame.payload.length > MAX_MESSAGE) {
            throw new ProtocolException("a message over " + MAX_MESSAGE + " bytes");
        }
        byte[] joined = Arrays.copyOf(fragments, fragments.length + frame.payload.length);
        System.arraycopy(frame.payload, 0, joined, fragments.length, frame.payload.length);
        fragments = joined;
        if (frame.opcode != 0x0) {
            fragmentOpcode = frame.opcode;
        }
        if (!frame.fin) {
            return null;
        }
        int opcode = fragmentOpcode;
        fragmentOpcode = -1;
        fragments = new byte[0];
        return message(opcode, joined);
    }

    private static Message message(int opcode, byte[] payload) throws CharacterCodingException {
        return opcode == 0x1 ? new Message.Text(decode(payload)) : new Message.Binary(payload);
    }

    private Message.Close closed(Frame frame) throws IOException {
        byte[] payload = frame.payload;
        if (payload.length == 1) {
            throw new ProtocolException("a close frame with a one-byte payload");
        }
        int code = payload.length == 0 ? Message.Close.NO_CODE : ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF);
        String reason = payload.length <= 2 ? "" : decode(Arrays.copyOfRange(payload, 2, payload.length));
        try {
            sendClose(code == Message.Close.NO_CODE ? 1000 : code, "");
        } catch (IOException gone) {
            // The server may close the socket right after its close frame.
        }
        return new Message.Close(code, reason);
    }

    private Frame nextFrame(long until) throws IOException {
        need(2, until);
        int b0 = buffer[start] & 0xFF;
        int b1 = buffer[start + 1] & 0xFF;
        if ((b0 & 0x70) != 0) {
            throw new ProtocolException(String.format("a frame with reserved bits set (0x%02x)", b0));
        }
        if ((b1 & 0x80) != 0) {
            throw new ProtocolException("a masked frame from the server");
        }
        int opcode = b0 & 0x0F;
        boolean fin = (b0 & 0x80) != 0;
        int shortLength = b1 & 0x7F;
        if (opcode >= 0x8 && (!fin || shortLength > 125)) {
            throw new ProtocolException("a fragmented or long control frame (opcode " + opcode + ")");
        }
        int header = shortLength < 126 ? 2 : shortLength == 126 ? 4 : 10;
        need(header, until);
        long length = shortLength;
        if (shortLength >= 126) {
            length = 0;
            for (int i = 2; i < header; i++) {
                length = (length << 8) | (buffer[start + i] & 0xFF);
            }
        }
        if (length < 0 || length > MAX_MESSAGE) {
            throw new ProtocolException("a frame of " + Long.toUnsignedString(length) + " bytes");
        }
        need(header + (int) length, until);
        byte[] payload = Arrays.copyOfRange(buffer, start + header, start + header + (int) length);
        start += header + (int) length;
        return new Frame(fin, opcode, payload);
    }

    /** Reads until at least {@code count} unread bytes are buffered. */
    private void need(int count, long until) throws IOException {
        while (end - start < count) {
            if (buffer.length - start < count) {
                byte[] larger = new byte[Math.max(buffer.length * 2, count)];
                System.arraycopy(buffer, start, larger, 0, end - start);
                buffer = larger;
                end -= start;
                start = 0;
            }
            fill(until);
        }
    }

    /** Reads what has arrived (at least one byte) into the buffer, or fails when the deadline passes first. */
    private void fill(long until) throws IOException {
        if (start > 0 && end == buffer.length) {
            System.arraycopy(buffer, start, buffer, 0, end - start);
            end -= start;
            start = 0;
        }
        if (end == buffer.length) {
            buffer = Arrays.copyOf(buffer, buffer.length * 2);
        }
        long left = until - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("nothing more within the deadline");
        }
        socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
        int read = in.read(buffer, end, buffer.length - end);
        if (read < 0) {
            throw new EOFException("the server closed the connection");
        }
        end += read;
    }

    private int indexOfBlankLine() {
        for (int i = start; i + 3 < end; i++) {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private static String decode(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static byte[] encode(String text) throws CharacterCodingException {
        ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .encode(CharBuffer.wrap(Objects.requireNonNull(text, "text")));
        return Arrays.copyOfRange(bytes.array(), bytes.position(), bytes.limit());
    }
}
