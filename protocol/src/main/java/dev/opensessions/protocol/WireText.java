package dev.opensessions.protocol;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Text checks the JSON parser does not make, shared by every adapter that reads the wire: strict UTF-8 bytes,
 * and strings without lone surrogates.
 */
public final class WireText {

    private WireText() {
    }

    /** True when the bytes are well-formed UTF-8: the JDK's decoder refuses overlong forms and encoded surrogates. */
    public static boolean isUtf8(byte[] bytes) {
        if (isAscii(bytes)) {
            // Nearly every body: no byte to decode, and no decoder or char buffer made for it.
            return true;
        }
        try {
            StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException malformed) {
            return false;
        }
    }

    private static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /** True when a surrogate stands without its pair, as a JSON escape such as {@code "\ud800"} can make. */
    public static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
