package dev.opensessions.sidebar.runtime;

import dev.opensessions.sidebar.model.Key;
import dev.opensessions.sidebar.model.KeyKind;
import dev.opensessions.sidebar.model.MouseKind;
import dev.opensessions.sidebar.model.Msg;

import java.util.Optional;

/**
 * What a complete xterm escape sequence means as a sidebar message: cursor and editing keys with their
 * modifiers, Shift-Tab, and SGR (1006) mouse reports. Sequences the sidebar has no use for (focus
 * reports, function keys) mean nothing.
 */
final class EscapeSequences {

    private EscapeSequences() {
    }

    /** A CSI sequence {@code ESC [ params final}. */
    static Optional<Msg> csi(String params, char finalByte) {
        if (params.startsWith("<") && (finalByte == 'M' || finalByte == 'm')) {
            return mouse(params.substring(1), finalByte == 'M');
        }
        String[] fields = params.split(";", -1);
        return switch (finalByte) {
            case 'Z' -> key(new Key(KeyKind.BACK_TAB, 0, false, false, true));
            case 'A', 'B', 'C', 'D', 'H', 'F' -> cursorKey(finalByte).map(kind -> withModifiers(kind, fields));
            case '~' -> tildeKey(number(fields[0])).map(kind -> withModifiers(kind, fields));
            default -> Optional.empty();
        };
    }

    /** An SS3 sequence {@code ESC O final}, which terminals in application cursor mode send for arrows. */
    static Optional<Msg> ss3(char finalByte) {
        return cursorKey(finalByte).map(kind -> new Msg.KeyPressed(Key.of(kind)));
    }

    private static Optional<Msg> key(Key key) {
        return Optional.of(new Msg.KeyPressed(key));
    }

    private static Optional<KeyKind> cursorKey(char finalByte) {
        return Optional.ofNullable(switch (finalByte) {
            case 'A' -> KeyKind.UP;
            case 'B' -> KeyKind.DOWN;
            case 'C' -> KeyKind.RIGHT;
            case 'D' -> KeyKind.LEFT;
            case 'H' -> KeyKind.HOME;
            case 'F' -> KeyKind.END;
            default -> null;
        });
    }

    private static Optional<KeyKind> tildeKey(int code) {
        return Optional.ofNullable(switch (code) {
            case 1, 7 -> KeyKind.HOME;
            case 4, 8 -> KeyKind.END;
            case 3 -> KeyKind.DELETE;
            case 5 -> KeyKind.PAGE_UP;
            case 6 -> KeyKind.PAGE_DOWN;
            default -> null;
        });
    }

    /** xterm's modifier parameter is 1 + a bit set: 1 shift, 2 alt, 4 ctrl, 8 meta (taken as alt). */
    private static Msg withModifiers(KeyKind kind, String[] fields) {
        int bits = fields.length > 1 ? Math.max(0, number(fields[1]) - 1) : 0;
        boolean shift = (bits & 1) != 0;
        boolean alt = (bits & 2) != 0 || (bits & 8) != 0;
        boolean ctrl = (bits & 4) != 0;
        return new Msg.KeyPressed(new Key(kind, 0, ctrl, alt, shift));
    }

    /** {@code b;x;y} with 1-based cells; bit 32 is motion, bit 64 the wheel, the low two bits the button. */
    private static Optional<Msg> mouse(String params, boolean press) {
        String[] fields = params.split(";", -1);
        if (fields.length != 3) {
            return Optional.empty();
        }
        int code = number(fields[0]);
        int x = number(fields[1]) - 1;
        int y = number(fields[2]) - 1;
        if (code < 0 || x < 0 || y < 0) {
            return Optional.empty();
        }
        int button = code & 3;
        if ((code & 64) != 0) {
            return switch (button) {
                case 0 -> Optional.of(new Msg.Mouse(MouseKind.SCROLL_UP, 0, x, y));
                case 1 -> Optional.of(new Msg.Mouse(MouseKind.SCROLL_DOWN, 0, x, y));
                default -> Optional.empty();
            };
        }
        if ((code & 32) != 0) {
            return Optional.of(button == 3 ? new Msg.Mouse(MouseKind.MOVE, 0, x, y) : new Msg.Mouse(MouseKind.DRAG, button, x, y));
        }
        return Optional.of(new Msg.Mouse(press ? MouseKind.PRESS : MouseKind.RELEASE, button == 3 ? 0 : button, x, y));
    }

    private static int number(String text) {
        if (text.isEmpty() || text.length() > 6) {
            return text.isEmpty() ? 1 : -1;
        }
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) < '0' || text.charAt(i) > '9') {
                return -1;
            }
        }
        return Integer.parseInt(text);
    }
}
