package dev.opensessions.sidebar.model;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;

/**
 * How many terminal cells text takes (wide CJK and emoji take two, combining marks none) and how to cut it
 * to a width with {@code …}. Splits into grapheme clusters so a cell never holds half a character.
 */
public final class TextWidth {

    public static final String ELLIPSIS = "…";

    private static final int[][] WIDE = {
            {0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC}, {0x23F0, 0x23F0},
            {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615}, {0x2648, 0x2653}, {0x267F, 0x267F},
            {0x2693, 0x2693}, {0x26A1, 0x26A1}, {0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5},
            {0x26CE, 0x26CE}, {0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
            {0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B}, {0x2728, 0x2728},
            {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797},
            {0x27B0, 0x27B0}, {0x27BF, 0x27BF}, {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55},
            {0x2E80, 0x303E}, {0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF},
            {0xA960, 0xA97F}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6F},
            {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x16FE0, 0x16FE4}, {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF},
            {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F251},
            {0x1F300, 0x1F64F}, {0x1F680, 0x1F6FF}, {0x1F7E0, 0x1F7EB}, {0x1F90C, 0x1F9FF}, {0x1FA70, 0x1FAFF},
            {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
    };

    private static final String[] SYMBOLS = new String[0x2C00];

    private TextWidth() {
    }

    /** The grapheme clusters of the text, in order. */
    public static List<String> graphemes(String text) {
        List<String> clusters = new ArrayList<>();
        if (simple(text)) {
            for (int i = 0; i < text.length(); i++) {
                clusters.add(symbol(text.charAt(i)));
            }
            return clusters;
        }
        BreakIterator breaks = BreakIterator.getCharacterInstance();
        breaks.setText(text);
        int start = breaks.first();
        for (int end = breaks.next(); end != BreakIterator.DONE; start = end, end = breaks.next()) {
            clusters.add(text.substring(start, end));
        }
        return clusters;
    }

    /** Cells the text takes. */
    public static int of(String text) {
        int width = 0;
        if (simple(text)) {
            for (int i = 0; i < text.length(); i++) {
                width += ofCodePoint(text.charAt(i));
            }
            return width;
        }
        for (String grapheme : graphemes(text)) {
            width += ofGrapheme(grapheme);
        }
        return width;
    }

    /** Cells one grapheme cluster takes: 0, 1 or 2; an emoji presentation selector makes it wide. */
    public static int ofGrapheme(String grapheme) {
        if (grapheme.indexOf('\uFE0F') >= 0) {
            return 2;
        }
        return ofCodePoint(grapheme.codePointAt(0));
    }

    /** Cells one code point takes on its own: 0, 1 or 2. */
    public static int ofCodePoint(int cp) {
        if (cp < 0x300) {
            // No mark below U+0300; the soft hyphen is the one format character there.
            return cp == 0xAD ? 0 : 1;
        }
        int type = Character.getType(cp);
        if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT
                || cp >= 0x1160 && cp <= 0x11FF) {
            return 0;
        }
        for (int[] range : WIDE) {
            if (cp >= range[0] && cp <= range[1]) {
                return 2;
            }
        }
        return 1;
    }

    /**
     * True when every character of the text is a grapheme cluster of its own, so it can be measured and drawn
     * character by character without a break iterator, which costs more than the rest of a frame.
     */
    public static boolean simple(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!simple(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /**
     * Characters that never join a neighbour into one cluster (no mark, joiner, selector, prepended or
     * spacing mark, Hangul jamo or control among them): printable ASCII, Latin-1 and the Latin extensions,
     * general punctuation without its zero-width and bidi controls, super- and subscripts, currency, and the
     * symbol blocks from letterlike symbols to braille and the arrows after it (box drawing, shapes, dingbats).
     */
    public static boolean simple(char c) {
        return c >= 0x20 && c < 0x7F || c >= 0xA0 && c < 0x300 || c >= 0x2010 && c < 0x2028
                || c >= 0x2030 && c < 0x205F || c >= 0x2070 && c < 0x20D0 || c >= 0x2100 && c < 0x2C00;
    }

    /** A character of a {@link #simple} text as a string; the same instance each time, so drawing allocates none. */
    public static String symbol(char c) {
        if (c >= SYMBOLS.length) {
            return String.valueOf(c);
        }
        String symbol = SYMBOLS[c];
        if (symbol == null) {
            // A racing thread may store an equal string; either is fine.
            symbol = String.valueOf(c);
            SYMBOLS[c] = symbol;
        }
        return symbol;
    }

    /** The text cut at the right to at most {@code width} cells, ending in {@code …} when cut. */
    public static String truncate(String text, int width) {
        if (of(text) <= width) {
            return text;
        }
        if (width <= 0) {
            return "";
        }
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (String grapheme : graphemes(text)) {
            int w = ofGrapheme(grapheme);
            if (used + w > width - 1) {
                break;
            }
            kept.append(grapheme);
            used += w;
        }
        return kept.append(ELLIPSIS).toString();
    }

    /** The text cut at the left to at most {@code width} cells, starting with {@code …} when cut. */
    public static String truncateLeft(String text, int width) {
        if (of(text) <= width) {
            return text;
        }
        if (width <= 0) {
            return "";
        }
        List<String> clusters = graphemes(text);
        StringBuilder kept = new StringBuilder();
        int used = 0;
        for (int i = clusters.size() - 1; i >= 0; i--) {
            int w = ofGrapheme(clusters.get(i));
            if (used + w > width - 1) {
                break;
            }
            kept.insert(0, clusters.get(i));
            used += w;
        }
        return ELLIPSIS + kept;
    }
}
