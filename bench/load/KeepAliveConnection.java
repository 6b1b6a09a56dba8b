import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 connection kept alive over a plain socket: a POST is one write of the whole request and
 * reads of the status line, the headers and a Content-Length body (usually one read). It costs the load tool two system calls
 * per request, where java.net.http hands every request to its selector thread and back, which on two
 * cores took more CPU than the server it measured. Reconnects when the server closes the connection.
 */
final class KeepAliveConnection implements AutoCloseable {

    private final InetSocketAddress address;
    private final byte[] head;
    private final byte[] buffer = new byte[8192];
    private Socket socket;
    private OutputStream out;
    private InputStream in;
    private int start;
    private int limit;

    KeepAliveConnection(int port, String path) {
        this.address = new InetSocketAddress("127.0.0.1", port);
        this.head = ("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
                + "\r\nContent-Type: application/json\r\nContent-Length: ").getBytes(StandardCharsets.US_ASCII);
    }

    /** Posts a JSON body and returns the status code, after reading the whole answer. */
    int post(String json) throws IOException {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        byte[] length = (body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        byte[] request = new byte[head.length + length.length + body.length];
        System.arraycopy(head, 0, request, 0, head.length);
        System.arraycopy(length, 0, request, head.length, length.length);
        System.arraycopy(body, 0, request, head.length + length.length, body.length);
        if (socket == null) {
            open();
        }
        try {
            out.write(request);
            out.flush();
            return answer();
        } catch (IOException closedMeanwhile) {
            // A kept-alive connection the server closed between requests: one retry on a new connection.
            close();
            open();
            out.write(request);
            out.flush();
            return answer();
        }
    }

    private void open() throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, 5000);
        socket.setSoTimeout(30_000);
        out = socket.getOutputStream();
        in = socket.getInputStream();
        start = 0;
        limit = 0;
    }

    /**
     * Reads one answer from the buffer, refilled by whole reads of the socket (not a byte at a time), and
     * returns its status; the headers are read for Content-Length and Connection only.
     */
    private int answer() throws IOException {
        int end;
        while ((end = headEnd()) < 0) {
            fill();
        }
        String head = new String(buffer, start, end - start, StandardCharsets.ISO_8859_1);
        start = end + 4;
        if (!head.startsWith("HTTP/1.1 ") || head.length() < 12) {
            throw new IOException("bad status line: " + head.lines().findFirst().orElse(""));
        }
        int code = Integer.parseInt(head.substring(9, 12));
        long contentLength = 0;
        boolean keepAlive = true;
        for (String header : head.split("\r\n")) {
            int colon = header.indexOf(':');
            String name = colon < 0 ? "" : header.substring(0, colon).trim();
            String value = colon < 0 ? "" : header.substring(colon + 1).trim();
            if (name.equalsIgnoreCase("Content-Length")) {
                contentLength = Long.parseLong(value);
            } else if (name.equalsIgnoreCase("Connection") && value.equalsIgnoreCase("close")) {
                keepAlive = false;
            } else if (name.equalsIgnoreCase("Transfer-Encoding")) {
                throw new IOException("chunked answers are not expected here");
            }
        }
        for (long left = contentLength; left > 0; ) {
            if (start == limit) {
                fill();
            }
            int skipped = (int) Math.min(left, limit - start);
            start += skipped;
            left -= skipped;
        }
        if (!keepAlive) {
            close();
        }
        return code;
    }

    /** Where the buffered answer's blank line starts, or -1 while it has not arrived. */
    private int headEnd() {
        for (int i = start; i + 3 < limit; i++) {
            if (buffer[i] == '\r' && buffer[i + 1] == '\n' && buffer[i + 2] == '\r' && buffer[i + 3] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private void fill() throws IOException {
        if (start > 0) {
            System.arraycopy(buffer, start, buffer, 0, limit - start);
            limit -= start;
            start = 0;
        }
        if (limit == buffer.length) {
            throw new IOException("answer headers over " + buffer.length + " bytes");
        }
        int read = in.read(buffer, limit, buffer.length - limit);
        if (read < 0) {
            throw new IOException("connection closed by the server");
        }
        limit += read;
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // Closing a socket that already failed: nothing left to release.
            }
            socket = null;
        }
    }
}
