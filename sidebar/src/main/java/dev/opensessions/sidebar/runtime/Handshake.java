package dev.opensessions.sidebar.runtime;

import dev.opensessions.application.security.ControlToken;
import dev.opensessions.domain.session.PaneId;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The line a pane shim sends first, {@code opensessions-pane 1 <token> <paneId> <cols> <rows> [popup]}:
 * which pane connects (for a popup, the pane it was opened over), at what size, and proof (the server's
 * token) that it may. A docked pane may send {@code - -} for its size: the server then asks tmux, which
 * spares the shim a {@code stty} process before its first frame (docs/explanation/performance.md). A popup
 * must state its size: it is not a pane tmux could be asked about.
 *
 * @param width  1..{@value #MAX_SIZE} columns, or 0 when the shim left the size to the server
 * @param height 1..{@value #MAX_SIZE} rows, or 0 with width 0
 */
record Handshake(PaneId pane, int width, int height, boolean popup) {

    static final String PROGRAM = "opensessions-pane";
    static final String VERSION = "1";
    static final int MAX_SIZE = 1000;
    static final String POPUP = "popup";
    static final String UNSTATED = "-";
    private static final int LONGEST_LINE = 256;

    Handshake {
        Objects.requireNonNull(pane, "pane");
        boolean unstated = width == 0 && height == 0;
        if (unstated && popup) {
            throw new IllegalArgumentException("a popup must state its size");
        }
        if (!unstated && (width < 1 || width > MAX_SIZE || height < 1 || height > MAX_SIZE)) {
            throw new IllegalArgumentException("pane size must be 1.." + MAX_SIZE);
        }
    }

    /** Whether the shim said its size; when not, the server asks tmux for the pane's. */
    boolean sized() {
        return width != 0;
    }

    /**
     * Reads the handshake line within {@code limit}, byte by byte so no input after it is consumed. Empty
     * when the line is late, too long, cut off or wrong.
     */
    static Optional<Handshake> read(Socket socket, ControlToken token, Duration limit) throws IOException {
        long deadline = System.nanoTime() + limit.toNanos();
        InputStream in = socket.getInputStream();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Optional.empty();
            }
            socket.setSoTimeout((int) Math.max(1, Duration.ofNanos(left).toMillis()));
            int b;
            try {
                b = in.read();
            } catch (SocketTimeoutException e) {
                return Optional.empty();
            }
            if (b == '\n') {
                return parse(line.toString(StandardCharsets.US_ASCII), token);
            }
            if (b < 0 || line.size() >= LONGEST_LINE) {
                return Optional.empty();
            }
            line.write(b);
        }
    }

    /** The handshake a line states, if it is well formed and carries the token. */
    static Optional<Handshake> parse(String line, ControlToken token) {
        String[] words = line.split(" ", -1);
        boolean popup = words.length == 7 && POPUP.equals(words[6]);
        if (words.length != 6 && !popup || !PROGRAM.equals(words[0]) || !VERSION.equals(words[1])
                || !token.matches(words[2]) || !PaneId.isValid(words[3])) {
            return Optional.empty();
        }
        if (UNSTATED.equals(words[4]) && UNSTATED.equals(words[5])) {
            return popup ? Optional.empty() : Optional.of(new Handshake(PaneId.of(words[3]), 0, 0, false));
        }
        int width = size(words[4]);
        int height = size(words[5]);
        if (width < 1 || height < 1) {
            return Optional.empty();
        }
        return Optional.of(new Handshake(PaneId.of(words[3]), width, height, popup));
    }

    private static int size(String word) {
        if (word.isEmpty() || word.length() > 4 || !word.chars().allMatch(Character::isDigit)) {
            return -1;
        }
        int value = Integer.parseInt(word);
        return value <= MAX_SIZE ? value : -1;
    }
}
