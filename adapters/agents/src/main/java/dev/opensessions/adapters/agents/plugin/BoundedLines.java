package dev.opensessions.adapters.agents.plugin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Splits a plugin's output into lines without trusting it: a line longer than the limit is cut there (its
 * rest is dropped), so a runaway program cannot fill the server's memory. Not thread-safe.
 */
final class BoundedLines {

    /** One line, {@code cut} when it was longer than the limit. */
    record Line(String text, boolean cut) {
    }

    private final BufferedReader reader;
    private final int limit;

    BoundedLines(InputStream in, int limit) {
        this.reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        this.limit = limit;
    }

    /** The next line without its line break, or null at the end of the stream. */
    Line next() throws IOException {
        StringBuilder text = new StringBuilder();
        boolean cut = false;
        int c;
        while ((c = reader.read()) != -1) {
            if (c == '\n') {
                return new Line(stripReturn(text), cut);
            }
            if (text.length() < limit) {
                text.append((char) c);
            } else {
                cut = true;
            }
        }
        // The stream ended: a last line without its newline still counts, the program is gone.
        return text.isEmpty() && !cut ? null : new Line(stripReturn(text), cut);
    }

    private static String stripReturn(StringBuilder text) {
        int end = text.length();
        return end > 0 && text.charAt(end - 1) == '\r' ? text.substring(0, end - 1) : text.toString();
    }
}
