package dev.opensessions.testkit;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The reading side of a {@link RawWebSocket}: one buffer that every byte read goes into, so what arrived with the
 * upgrade answer's head stays for the first frames, and a frame read in part stays when a deadline runs out.
 */
final class FrameReader {

    /** One frame as it came: the FIN bit, the opcode and the (unmasked) payload. */
    record Frame(boolean fin, int opcode, byte[] payload) {
    }

    private static final int MAX_HEAD = 64 << 10;

    private final Socket socket;
    private final InputStream in;
    private byte[] buffer = new byte[1 << 16];
    private int start;
    private int end;

    FrameReader(Socket socket) throws IOException {
        this.socket = socket;
        this.in = socket.getInputStream();
    }

    /** The HTTP head up to its blank line (left out), read by {@code until}; the bytes after it stay buffered. */
    String head(long until) throws IOException {
        int headEnd;
        while ((headEnd = indexOfBlankLine()) < 0) {
            if (end - start > MAX_HEAD) {
                throw new ProtocolException("an upgrade answer over " + MAX_HEAD + " bytes");
            }
            fill(until);
        }
        String head = new String(buffer, start, headEnd - start, StandardCharsets.ISO_8859_1);
        start = headEnd + 4;
        return head;
    }

    /** The next frame, checked as a server's must be; waits until {@code until} (System.nanoTime) at most. */
    Frame next(long until) throws IOException {
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
        if (length < 0 || length > RawWebSocket.MAX_MESSAGE) {
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
}
