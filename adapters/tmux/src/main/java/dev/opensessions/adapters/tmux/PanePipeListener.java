package dev.opensessions.adapters.tmux;

import dev.opensessions.domain.session.PaneId;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The server's end of the pane copiers ({@code bin/opensessions-pipe}): one loopback port and one thread blocked
 * in {@link Selector#select()} for all of them, no thread per pane and no timer. A copier's first line is
 * {@code opensessions-pipe 1 <token> <pane>}; a wrong token, a malformed line or a pane this server did not
 * pipe closes the connection. After it, every read only says "this pane printed": the bytes are thrown away,
 * and the panes that printed during one wake-up are told together.
 */
final class PanePipeListener implements AutoCloseable {

    /** What the listener tells; called on its thread. */
    interface Events {

        /** The copier of a pane this server piped has connected: its output is reported from now on. */
        void opened(PaneId pane);

        /** These piped panes printed. */
        void printed(Set<PaneId> panes);

        /** A piped pane's copier hung up (tmux closed the pipe, or somebody replaced it). */
        void closed(PaneId pane);
    }

    private static final String HELLO = "opensessions-pipe 1 ";
    private static final int HELLO_LIMIT = 200;

    private final byte[] token;
    private final Events events;
    private final Set<PaneId> expected = ConcurrentHashMap.newKeySet();
    private final Map<PaneId, SocketChannel> open = new ConcurrentHashMap<>();
    private final Set<SocketChannel> connections = ConcurrentHashMap.newKeySet();
    private final ByteBuffer sink = ByteBuffer.allocateDirect(64 * 1024);
    private Selector selector;
    private ServerSocketChannel server;
    private Thread thread;
    private volatile boolean closed;

    PanePipeListener(String token, Events events) {
        this.token = Objects.requireNonNull(token, "token").getBytes(StandardCharsets.UTF_8);
        this.events = Objects.requireNonNull(events, "events");
    }

    /** The port copiers connect to; the first call opens it and starts the thread. */
    synchronized int port() throws IOException {
        if (closed) {
            throw new IOException("the pane pipe listener is closed");
        }
        if (server == null) {
            Selector opened = Selector.open();
            ServerSocketChannel channel = ServerSocketChannel.open();
            try {
                channel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
                channel.configureBlocking(false);
                channel.register(opened, SelectionKey.OP_ACCEPT);
            } catch (IOException failed) {
                channel.close();
                opened.close();
                throw failed;
            }
            selector = opened;
            server = channel;
            thread = Thread.ofPlatform().daemon().name("tmux-pane-pipes").start(this::loop);
        }
        return ((InetSocketAddress) server.getLocalAddress()).getPort();
    }

    /** A copier for this pane is about to start: its first line will be accepted. */
    void expect(PaneId pane) {
        expected.add(pane);
    }

    /** Forgets the pane: its copier, if connected, is hung up on. True when it was connected. */
    boolean forget(PaneId pane) {
        expected.remove(pane);
        SocketChannel channel = open.remove(pane);
        if (channel == null) {
            return false;
        }
        connections.remove(channel);
        closeQuietly(channel);
        wakeup();
        return true;
    }

    /** True while the pane's copier is connected. */
    boolean connected(PaneId pane) {
        return open.containsKey(pane);
    }

    private void loop() {
        try {
            while (!closed) {
                selector.select();
                Set<PaneId> printed = new HashSet<>();
                for (SelectionKey key : selector.selectedKeys()) {
                    if (!key.isValid()) {
                        continue;
                    }
                    if (key.isAcceptable()) {
                        accept();
                    } else if (key.isReadable()) {
                        read(key, printed);
                    }
                }
                selector.selectedKeys().clear();
                printed.retainAll(open.keySet());
                if (!printed.isEmpty()) {
                    events.printed(printed);
                }
            }
        } catch (IOException | ClosedSelectorException stopped) {
            // Closed: the copiers see the end at their next write.
        }
    }

    private void accept() throws IOException {
        SocketChannel channel = server.accept();
        if (channel == null) {
            return;
        }
        connections.add(channel);
        if (closed) {
            closeQuietly(channel);
            return;
        }
        channel.configureBlocking(false);
        channel.register(selector, SelectionKey.OP_READ, new Copier(channel));
    }

    private void read(SelectionKey key, Set<PaneId> printed) {
        Copier copier = (Copier) key.attachment();
        sink.clear();
        int count;
        try {
            count = copier.channel.read(sink);
        } catch (IOException failed) {
            count = -1;
        }
        if (count < 0) {
            end(copier);
            return;
        }
        if (copier.pane != null) {
            printed.add(copier.pane);
            return;
        }
        sink.flip();
        while (sink.hasRemaining()) {
            byte b = sink.get();
            if (b == '\n') {
                greet(copier, new String(copier.hello, 0, copier.helloLength, StandardCharsets.UTF_8));
                if (copier.pane != null && sink.hasRemaining()) {
                    printed.add(copier.pane);
                }
                return;
            }
            if (copier.helloLength == HELLO_LIMIT) {
                end(copier);
                return;
            }
            copier.hello[copier.helloLength++] = b;
        }
    }

    private void greet(Copier copier, String line) {
        String[] words = line.startsWith(HELLO) ? line.substring(HELLO.length()).split(" ", -1) : new String[0];
        if (words.length != 2 || !MessageDigest.isEqual(token, words[0].getBytes(StandardCharsets.UTF_8)) || !PaneId.isValid(words[1])
                || !expected.contains(PaneId.of(words[1]))) {
            end(copier);
            return;
        }
        PaneId pane = PaneId.of(words[1]);
        copier.pane = pane;
        SocketChannel before = open.put(pane, copier.channel);
        if (before != null) {
            closeQuietly(before);
        }
        events.opened(pane);
    }

    private void end(Copier copier) {
        connections.remove(copier.channel);
        closeQuietly(copier.channel);
        if (copier.pane != null && open.remove(copier.pane, copier.channel)) {
            events.closed(copier.pane);
        }
    }

    private void wakeup() {
        Selector current;
        synchronized (this) {
            current = selector;
        }
        if (current != null) {
            current.wakeup();
        }
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // Closed either way.
        }
    }

    /** Hangs up on every copier and stops the thread; each copier ends at its pane's next output. */
    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            running = thread;
            try {
                if (server != null) {
                    server.close();
                }
                if (selector != null) {
                    selector.close();
                }
            } catch (IOException ignored) {
                // Closed either way.
            }
        }
        connections.forEach(PanePipeListener::closeQuietly);
        connections.clear();
        open.clear();
        expected.clear();
        if (running != null) {
            running.interrupt();
        }
    }

    /** One copier's connection: its pane once its first line named one. */
    private static final class Copier {

        final SocketChannel channel;
        final byte[] hello = new byte[HELLO_LIMIT];
        int helloLength;
        PaneId pane;

        Copier(SocketChannel channel) {
            this.channel = channel;
        }
    }
}
