package dev.opensessions.testkit;

import java.io.EOFException;
import java.io.IOException;
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
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Objects;

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

    /** Larger messages are refused rather than buffered: a test server gone wrong must not fill the test's heap. */
    static final int MAX_MESSAGE = 64 << 20;

    private final Socket socket;
    private final FrameReader reader;
    private final OutputStream out;
    private final String key;
    private final Object writing = new Object();
    private boolean upgraded;
    private int fragmentOpcode = -1;
    private byte[] fragments = new byte[0];
    private volatile boolean closeSent;

    private RawWebSocket(Socket socket, String key) throws IOException {
        this.socket = socket;
        this.reader = new FrameReader(socket);
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
        String key = Handshake.newKey();
        String head = Handshake.request(uri, headers, key);

        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true);
            if (receiveBuffer > 0) {
                socket.setReceiveBufferSize(receiveBuffer);
            }
            socket.connect(new InetSocketAddress(uri.getHost(), uri.getPort()), (int) Math.max(1, deadline.toMillis()));
            RawWebSocket client = new RawWebSocket(socket, key);
            client.out.write(head.getBytes(StandardCharsets.ISO_8859_1));
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
        String head = reader.head(System.nanoTime() + deadline.toNanos());
        Handshake.check(head, key);
        upgraded = true;
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
            FrameReader.Frame frame = reader.next(until);
            switch (frame.opcode()) {
                case 0x0, 0x1, 0x2 -> {
                    Message whole = data(frame);
                    if (whole != null) {
                        return whole;
                    }
                }
                case 0x8 -> {
                    return closed(frame);
                }
                case 0x9 -> send(true, 0xA, frame.payload());
                case 0xA -> {
                    return new Message.Pong(frame.payload());
                }
                default -> throw new ProtocolException("a frame with the unknown opcode " + frame.opcode());
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
        byte[] frame = ClientFrame.masked(fin, opcode, payload);
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

    private Message data(FrameReader.Frame frame) throws IOException {
        if (frame.opcode() == 0x0 && fragmentOpcode < 0) {
            throw new ProtocolException("a continuation frame without a message to continue");
        }
        if (frame.opcode() != 0x0 && fragmentOpcode >= 0) {
            throw new ProtocolException("a new message inside a fragmented one");
        }
        if (frame.opcode() != 0x0 && frame.fin()) {
            return message(frame.opcode(), frame.payload());
        }
        if ((long) fragments.length + frame.payload().length > MAX_MESSAGE) {
            throw new ProtocolException("a message over " + MAX_MESSAGE + " bytes");
        }
        byte[] joined = Arrays.copyOf(fragments, fragments.length + frame.payload().length);
        System.arraycopy(frame.payload(), 0, joined, fragments.length, frame.payload().length);
        fragments = joined;
        if (frame.opcode() != 0x0) {
            fragmentOpcode = frame.opcode();
        }
        if (!frame.fin()) {
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

    private Message.Close closed(FrameReader.Frame frame) throws IOException {
        byte[] payload = frame.payload();
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
