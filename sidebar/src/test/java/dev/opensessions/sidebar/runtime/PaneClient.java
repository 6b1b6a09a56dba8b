package dev.opensessions.sidebar.runtime;

import dev.opensessions.application.testkit.Await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** A real TCP client standing in for the pane shim: sends bytes, and keeps everything the server writes. */
final class PaneClient implements AutoCloseable {

    static final String TOKEN = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private final Socket socket;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private volatile boolean ended;

    private PaneClient(Socket socket) {
        this.socket = socket;
        Thread.ofVirtual().start(this::readAll);
    }

    static PaneClient connect(int port) {
        try {
            Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
            socket.setTcpNoDelay(true);
            return new PaneClient(socket);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Connects and sends a valid handshake for the pane at the size. */
    static PaneClient pane(int port, String pane, int width, int height) {
        PaneClient client = connect(port);
        client.send("opensessions-pane 1 " + TOKEN + " " + pane + " " + width + " " + height + "\n");
        return client;
    }

    void send(String text) {
        try {
            socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    byte[] bytes() {
        synchronized (received) {
            return received.toByteArray();
        }
    }

    int count() {
        synchronized (received) {
            return received.size();
        }
    }

    String text() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    /** True once the server closed the connection. */
    boolean ended() {
        return ended;
    }

    TestScreen screen(int width, int height) {
        return TestScreen.of(bytes(), width, height);
    }

    /** Waits until a row of the screen reads exactly {@code text} and the frame is complete. */
    void awaitRow(int width, int height, int row, String text) {
        Await.until(() -> screen(width, height).row(row).equals(text) && text().endsWith("\u001b[0m"),
                Duration.ofSeconds(5), "row " + row + " reads " + text);
    }

    void awaitEnd() {
        Await.until(this::ended, Duration.ofSeconds(5), "server closed the connection");
    }

    private void readAll() {
        byte[] chunk = new byte[4096];
        try (InputStream in = socket.getInputStream()) {
            int count;
            while ((count = in.read(chunk)) >= 0) {
                synchronized (received) {
                    received.write(chunk, 0, count);
                }
            }
        } catch (IOException e) {
            // Closed by the test or reset by the server: either way the stream ended.
        } finally {
            ended = true;
        }
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
