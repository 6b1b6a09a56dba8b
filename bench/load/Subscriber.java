import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One WebSocket subscriber on a plain socket: the upgrade, then every frame read by its own thread; counts the whole
 * text messages it receives and notes when and why the connection ended. Not the JDK's WebSocket client: that one
 * now and then loses the bytes that arrive right after the upgrade answer (the hello and the first state, when the
 * server sends them at once), which looked like a server that never sent the first state (bench/ws-wire.sh records
 * what the server sent such a client and finds it whole).
 */
final class Subscriber implements Runnable {

    private final Socket socket;
    private final InputStream in;
    private final AtomicLong frames = new AtomicLong();
    private volatile String ending;

    private Subscriber(Socket socket, InputStream in) {
        this.socket = socket;
        this.in = in;
    }

    /** Writes the request that asks the server on the loopback port to upgrade /ws to a WebSocket. */
    static void askUpgrade(OutputStream out, int port) throws IOException {
        byte[] nonce = new byte[16];
        ThreadLocalRandom.current().nextBytes(nonce);
        String request = "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                + "Connection: Upgrade\r\nSec-WebSocket-Key: " + Base64.getEncoder().encodeToString(nonce)
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n";
        out.write(request.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    /** Connects to /ws on the loopback port and starts reading; fails when the server does not upgrade. */
    static Subscriber connect(int port) throws IOException {
        Socket socket = new Socket("127.0.0.1", port);
        try {
            socket.setSoTimeout(30_000);
            askUpgrade(socket.getOutputStream(), port);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
            StringBuilder head = new StringBuilder();
            while (!head.toString().endsWith("\r\n\r\n")) {
                head.append((char) read(in));
            }
            if (!head.toString().startsWith("HTTP/1.1 101")) {
                throw new IOException("no upgrade: " + head.toString().lines().findFirst().orElse(""));
            }
            socket.setSoTimeout(0);
            Subscriber subscriber = new Subscriber(socket, in);
            Thread.ofPlatform().daemon().name("subscriber").start(subscriber);
            return subscriber;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    private static int read(InputStream in) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new EOFException("the server closed the connection");
        }
        return b;
    }

    @Override
    public void run() {
        try {
            while (true) {
                int b0 = read(in);
                int b1 = read(in);
                if ((b0 & 0x70) != 0 || (b1 & 0x80) != 0) {
                    ending = String.format("failed: a frame header 0x%02x 0x%02x with reserved bits or a mask", b0, b1);
                    return;
                }
                long length = b1 & 0x7f;
                if (length == 126) {
                    length = (read(in) << 8) | read(in);
                } else if (length == 127) {
                    length = 0;
                    for (int i = 0; i < 8; i++) {
                        length = (length << 8) | read(in);
                    }
                }
                int opcode = b0 & 0x0f;
                if (opcode == 0x8) {
                    int code = length >= 2 ? (read(in) << 8) | read(in) : 1005;
                    byte[] reason = in.readNBytes((int) Math.max(0, length - 2));
                    String text = new String(reason, StandardCharsets.UTF_8);
                    ending = "closed " + code + (text.isEmpty() ? "" : " " + text);
                    return;
                }
                in.skipNBytes(length);
                boolean fin = (b0 & 0x80) != 0;
                if (fin && (opcode == 0x1 || opcode == 0x0)) {
                    frames.incrementAndGet();
                }
            }
        } catch (IOException e) {
            if (ending == null) {
                ending = "failed: " + e;
            }
        }
    }

    /** Sends a close frame (masked, as a client's must be) and closes the socket. */
    void close() {
        try {
            byte[] reason = "bye".getBytes(StandardCharsets.UTF_8);
            byte[] payload = new byte[2 + reason.length];
            payload[0] = (byte) (1000 >> 8);
            payload[1] = (byte) (1000 & 0xff);
            System.arraycopy(reason, 0, payload, 2, reason.length);
            byte[] mask = new byte[4];
            ThreadLocalRandom.current().nextBytes(mask);
            byte[] frame = new byte[2 + 4 + payload.length];
            frame[0] = (byte) 0x88;
            frame[1] = (byte) (0x80 | payload.length);
            System.arraycopy(mask, 0, frame, 2, 4);
            for (int i = 0; i < payload.length; i++) {
                frame[6 + i] = (byte) (payload[i] ^ mask[i & 3]);
            }
            OutputStream out = socket.getOutputStream();
            out.write(frame);
            out.flush();
        } catch (IOException gone) {
            // Already closed by the server: nothing to say goodbye to.
        } finally {
            ending = ending != null ? ending : "closed by us";
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing twice is harmless.
            }
        }
    }

    long frames() {
        return frames.get();
    }

    boolean closed() {
        return ending != null;
    }

    /** How the connection ended ("closed 1011", "failed: ..."), or null while it is open. */
    String ending() {
        return ending;
    }
}
