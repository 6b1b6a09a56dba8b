package dev.opensessions.domain.text;

/** Length caps for text that arrives from outside, so no input can grow the state without bound. */
public final class Text {

    /** Longest identifier kept: session names, agent ids, thread ids, pane ids. */
    public static final int MAX_ID = 256;
    /** Longest free text kept: prompts, log messages, status text. */
    public static final int MAX_TEXT = 4096;

    private Text() {
    }

    /** Returns the text cut to {@code max} code points, ending in an ellipsis when it was cut. */
    public static String cap(String text, int max) {
        if (text == null) {
            return null;
        }
        if (text.length() <= max || text.codePointCount(0, text.length()) <= max) {
            return text;
        }
        int end = text.offsetByCodePoints(0, max - 1);
        return text.substring(0, end) + "…";
    }

    /** Null for null or blank text, the capped text otherwise. */
    public static String optional(String text, int max) {
        return text == null || text.isBlank() ? null : cap(text, max);
    }
}
