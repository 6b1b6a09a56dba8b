package dev.opensessions.adapters.http;

import dev.opensessions.protocol.WireText;
import dev.opensessions.application.port.in.ClientContext;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.domain.session.WindowId;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads the tmux context a hook or key binding posts :
 * {@code client_tty|session|window_id|pane_id|pane_active}, or fewer parts, or {@code session:window}.
 * Missing or empty parts are absent; a session name holding {@code |} is rejoined from the middle parts.
 */
final class ControlContext {

    /** Far more than any real context; a script never sends a page of text. */
    static final int MAX_BYTES = 4 * 1024;
    static final String INVALID = "invalid context";

    private static final int CANONICAL_PARTS = 5;

    private ControlContext() {
    }

    /** The context in the body; an empty body is {@link ClientContext#none()}. */
    static ClientContext parse(byte[] body) {
        if (body == null || body.length == 0) {
            return ClientContext.none();
        }
        if (body.length > MAX_BYTES) {
            throw new InvalidRequest(INVALID);
        }
        String text = unquote(stripLineEnd(utf8(body)));
        if (text.chars().anyMatch(Character::isISOControl) || WireText.hasLoneSurrogate(text)) {
            throw new InvalidRequest(INVALID);
        }
        String[] parts = text.contains("|") ? text.split("\\|", -1) : sessionColonWindow(text);
        if (parts.length > CANONICAL_PARTS) {
            parts = rejoinSession(parts);
        }
        String[] five = Arrays.copyOf(parts, CANONICAL_PARTS);
        String window = part(five, 2);
        String pane = part(five, 3);
        if (!window.isEmpty() && !WindowId.isValid(window) || !pane.isEmpty() && !PaneId.isValid(pane)) {
            throw new InvalidRequest(INVALID);
        }
        return new ClientContext(present(part(five, 0)).filter(tty -> !tty.isBlank()),
                present(part(five, 1)).flatMap(ControlContext::session),
                present(window).map(WindowId::of), present(pane).map(PaneId::of), "1".equals(five[4]));
    }

    /** A part left empty is absent. */
    private static Optional<String> present(String part) {
        return Optional.of(part).filter(text -> !text.isEmpty());
    }

    /**
     * A session name the core could not hold (longer than it keeps) names no session it knows: it is read
     * as absent rather than refused, since the window and the client still say where the user is.
     */
    private static Optional<SessionName> session(String name) {
        try {
            return Optional.of(SessionName.of(name));
        } catch (IllegalArgumentException unusable) {
            return Optional.empty();
        }
    }

    private static String utf8(byte[] body) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body))
                    .toString();
        } catch (CharacterCodingException malformed) {
            throw new InvalidRequest(INVALID);
        }
    }

    /** {@code run-shell} output and {@code curl -d @file} may end the line; nothing else is trimmed. */
    private static String stripLineEnd(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) {
            end--;
        }
        return text.substring(0, end);
    }

    /** Scripts of the reference quote the whole context; the quotes are not part of it. */
    private static String unquote(String text) {
        if (text.length() >= 2 && (text.startsWith("\"") && text.endsWith("\"")
                || text.startsWith("'") && text.endsWith("'"))) {
            return text.substring(1, text.length() - 1);
        }
        return text;
    }

    /** The oldest form names a session and a window index; the index is no window id, so it is dropped. */
    private static String[] sessionColonWindow(String text) {
        int colon = text.lastIndexOf(':');
        return new String[] {"", colon < 0 ? text : text.substring(0, colon)};
    }

    /** tty, then a session name that held {@code |}, then window, pane and active. */
    private static String[] rejoinSession(String[] parts) {
        int last = parts.length - 3;
        String session = String.join("|", Arrays.copyOfRange(parts, 1, last));
        return new String[] {parts[0], session, parts[last], parts[last + 1], parts[last + 2]};
    }

    private static String part(String[] parts, int index) {
        return parts[index] == null ? "" : parts[index];
    }
}
