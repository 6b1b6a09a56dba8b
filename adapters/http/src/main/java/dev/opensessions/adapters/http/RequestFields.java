package dev.opensessions.adapters.http;

import dev.opensessions.protocol.WireText;
import dev.opensessions.domain.metadata.Tone;
import dev.opensessions.domain.session.SessionName;

/** Reads the fields several endpoints share (session, tone) with the API's exact error reasons. */
final class RequestFields {

    private RequestFields() {
    }

    /** The required {@code session}: absent or empty is {@code missing session}, too long {@code invalid session}. */
    static SessionName requiredSession(JsonBody body) {
        String text = body.string("session");
        if (text == null || text.isEmpty()) {
            throw new InvalidRequest("missing session");
        }
        return sessionName(text);
    }

    /** An optional session name; empty text counts as not given, as hooks send it outside tmux. */
    static SessionName optionalSession(String text) {
        return text == null || text.isEmpty() ? null : sessionName(text);
    }

    /** Control characters of both ranges (C0, DEL, C1) and lone surrogates are refused like the domain's C0. */
    static SessionName sessionName(String text) {
        if (hasControl(text) || WireText.hasLoneSurrogate(text)) {
            throw new InvalidRequest("invalid session");
        }
        try {
            return SessionName.of(text);
        } catch (IllegalArgumentException invalid) {
            throw new InvalidRequest("invalid session");
        }
    }

    private static boolean hasControl(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The optional {@code tone}, neutral when absent; anything but the five tone names is refused. */
    static Tone tone(JsonBody body) {
        String text = body.string("tone", "invalid tone");
        if (text == null) {
            return Tone.NEUTRAL;
        }
        return Tone.fromWire(text).orElseThrow(() -> new InvalidRequest("invalid tone"));
    }
}
