package dev.opensessions.sidebar.runtime;

import dev.opensessions.sidebar.model.Key;
import dev.opensessions.sidebar.model.KeyKind;
import dev.opensessions.sidebar.model.Msg;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.function.Consumer;

/**
 * Decodes a pane's input bytes into key and mouse messages, however the socket splits them: an
 * unfinished sequence waits for the next bytes. Only a lone {@code ESC} is ambiguous (Escape, or the start
 * of a sequence); the reader calls {@link #flush} when no byte follows it in time. Written here rather than
 * with TamboUI's EventParser, which pulls bytes with timeouts, reads Shift-Tab ({@code ESC [ Z}) as an
 * unknown key and takes UTF-8 byte by byte. One instance per pane, one thread.
 */
final class InputDecoder {

    private static final int ESC = 0x1b;
    private static final int LONGEST_SEQUENCE = 64;

    /** tmux's answer to the status report asked after a notification ({@code ESC [ 0 n}): not a key. */
    private static final String STATUS_OK = "0";

    private final Runnable statusReport;
    private byte[] pending = new byte[256];
    private int length;

    InputDecoder() {
        this(() -> { });
    }

    /** {@code statusReport} runs for each {@code ESC [ 0 n}: tmux has read everything written to the pane before. */
    InputDecoder(Runnable statusReport) {
        this.statusReport = statusReport;
    }

    /** Decodes what the bytes complete; an unfinished tail is kept for the next call. */
    void feed(byte[] data, int count, Consumer<Msg> sink) {
        if (length + count > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, length + count));
        }
        System.arraycopy(data, 0, pending, length, count);
        length += count;
        int at = 0;
        while (at < length) {
            int used = decode(at, sink, false);
            if (used == 0) {
                break;
            }
            at += used;
        }
        System.arraycopy(pending, at, pending, 0, length - at);
        length -= at;
    }

    /** True while bytes wait for the rest of their sequence. */
    boolean pending() {
        return length > 0;
    }

    /** No more bytes came: a lone ESC is the Escape key, a cut-off sequence is dropped. */
    void flush(Consumer<Msg> sink) {
        int at = 0;
        while (at < length) {
            at += decode(at, sink, true);
        }
        length = 0;
    }

    /** Decodes one token at {@code at}; returns the bytes used, 0 when more are needed (never at the end). */
    private int decode(int at, Consumer<Msg> sink, boolean end) {
        int b = pending[at] & 0xff;
        if (b == ESC) {
            return escape(at, sink, end);
        }
        if (b >= 0x80) {
            return utf8(at, sink, end);
        }
        sink.accept(new Msg.KeyPressed(singleByteKey(b)));
        return 1;
    }

    private int escape(int at, Consumer<Msg> sink, boolean end) {
        if (at + 1 >= length) {
            return endOrWait(end, () -> sink.accept(new Msg.KeyPressed(Key.of(KeyKind.ESCAPE))), 1);
        }
        int next = pending[at + 1] & 0xff;
        if (next == '[') {
            return csi(at, sink, end);
        }
        if (next == 'O') {
            if (at + 2 >= length) {
                return endOrWait(end, () -> sink.accept(new Msg.KeyPressed(alt(Key.character('O')))), 2);
            }
            EscapeSequences.ss3((char) pending[at + 2]).ifPresent(sink);
            return 3;
        }
        if (next == ESC) {
            boolean sequenceFollows = at + 2 < length && (pending[at + 2] == '[' || pending[at + 2] == 'O');
            if (!sequenceFollows) {
                return at + 2 >= length && !end ? 0 : escapeKey(sink);
            }
        }
        // ESC before a key is how terminals send Alt with it (ESC x, ESC ESC [ A for Alt-Up on some).
        int used = decode(at + 1, msg -> sink.accept(msg instanceof Msg.KeyPressed(Key key) ? new Msg.KeyPressed(alt(key)) : msg), end);
        return used == 0 ? 0 : used + 1;
    }

    private int csi(int at, Consumer<Msg> sink, boolean end) {
        for (int i = at + 2; i < length; i++) {
            int b = pending[i] & 0xff;
            if (b >= 0x40 && b <= 0x7e) {
                String params = new String(pending, at + 2, i - at - 2, StandardCharsets.US_ASCII);
                if (b == 'n' && STATUS_OK.equals(params)) {
                    statusReport.run();
                    return i - at + 1;
                }
                EscapeSequences.csi(params, (char) b).ifPresent(sink);
                return i - at + 1;
            }
            if (b < 0x20 || b > 0x3f) {
                return i - at;
            }
        }
        boolean hopeless = length - at > LONGEST_SEQUENCE;
        return end || hopeless ? length - at : 0;
    }

    private int utf8(int at, Consumer<Msg> sink, boolean end) {
        int lead = pending[at] & 0xff;
        int size = lead >= 0xf0 && lead <= 0xf4 ? 4 : lead >= 0xe0 ? (lead <= 0xef ? 3 : 0) : lead >= 0xc2 ? 2 : 0;
        if (size == 0) {
            return 1;
        }
        if (at + size > length) {
            return end ? length - at : 0;
        }
        for (int i = at + 1; i < at + size; i++) {
            if ((pending[i] & 0xc0) != 0x80) {
                return 1;
            }
        }
        String text = new String(pending, at, size, StandardCharsets.UTF_8);
        sink.accept(new Msg.KeyPressed(Key.character(text.codePointAt(0))));
        return size;
    }

    private static int escapeKey(Consumer<Msg> sink) {
        sink.accept(new Msg.KeyPressed(Key.of(KeyKind.ESCAPE)));
        return 1;
    }

    private static int endOrWait(boolean end, Runnable emit, int used) {
        if (!end) {
            return 0;
        }
        emit.run();
        return used;
    }

    private static Key singleByteKey(int b) {
        return switch (b) {
            // A raw terminal sends Enter as CR; LF is Ctrl-J, which focuses the agents panel.
            case '\r' -> Key.of(KeyKind.ENTER);
            case '\t' -> Key.of(KeyKind.TAB);
            case 0x7f, 0x08 -> Key.of(KeyKind.BACKSPACE);
            case 0x00 -> new Key(KeyKind.CHAR, ' ', true, false, false);
            default -> {
                if (b >= 1 && b <= 26) {
                    yield Key.ctrl((char) ('a' + b - 1));
                }
                // 0x1c..0x1f are Ctrl with \ ] ^ _.
                yield b < 0x20 ? new Key(KeyKind.CHAR, b + 0x40, true, false, false) : Key.character(b);
            }
        };
    }

    private static Key alt(Key key) {
        return new Key(key.kind(), key.codePoint(), key.ctrl(), true, key.shift());
    }
}
