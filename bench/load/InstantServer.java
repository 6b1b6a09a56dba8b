import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;

/**
 * A stand-in server that answers every request at once, for measuring the load tool's own CPU per event
 * ({@code loadToolCpuPercent} of the events mode against it): {@code 204} to each read of a POST (one request per
 * read, as the event load sends them), {@code {"sessions":[]}} to the state read at the end (so every agent thread
 * counts as lost there: only the CPU figures mean anything). Runs until killed. Settings: port.
 */
final class InstantServer {

    private static final ByteBuffer NO_CONTENT = ascii("HTTP/1.1 204 No Content\r\n\r\n");
    private static final ByteBuffer STATE = ascii("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
            + "Content-Length: 15\r\nConnection: close\r\n\r\n{\"sessions\":[]}");

    private InstantServer() {
    }

    static void run(Options options) throws IOException {
        try (Selector selector = Selector.open(); ServerSocketChannel server = ServerSocketChannel.open()) {
            server.bind(new InetSocketAddress("127.0.0.1", options.port()));
            server.configureBlocking(false);
            server.register(selector, SelectionKey.OP_ACCEPT);
            ByteBuffer in = ByteBuffer.allocateDirect(1 << 16);
            System.out.println("ready");
            System.out.flush();
            while (true) {
                selector.select(key -> {
                    try {
                        if (key.isAcceptable()) {
                            SocketChannel accepted = server.accept();
                            accepted.configureBlocking(false);
                            accepted.setOption(StandardSocketOptions.TCP_NODELAY, true);
                            accepted.register(selector, SelectionKey.OP_READ);
                            return;
                        }
                        SocketChannel channel = (SocketChannel) key.channel();
                        in.clear();
                        if (channel.read(in) < 0) {
                            channel.close();
                        } else if (in.get(0) == 'G') {
                            channel.write(STATE.duplicate());
                            channel.close();
                        } else {
                            channel.write(NO_CONTENT.duplicate());
                        }
                    } catch (IOException broken) {
                        try {
                            key.channel().close();
                        } catch (IOException ignored) {
                            // Already closed.
                        }
                    }
                });
            }
        }
    }

    private static ByteBuffer ascii(String text) {
        return ByteBuffer.wrap(text.getBytes(StandardCharsets.US_ASCII)).asReadOnlyBuffer();
    }
}
