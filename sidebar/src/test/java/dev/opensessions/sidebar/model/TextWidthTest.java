package dev.opensessions.sidebar.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.text.BreakIterator;

import static org.assertj.core.api.Assertions.assertThat;

class TextWidthTest {

    @ParameterizedTest
    @CsvSource({
            "abc, 3",
            "日本, 4",
            "한글, 4",
            "ｆｕｌｌ, 8",
            "🚀, 2",
            "⚡, 2",
            "●○◉✓✗⚠⚙, 7",
            "e\u0301, 1",
            "…, 1",
    })
    void countsTerminalCells(String text, int cells) {
        assertThat(TextWidth.of(text)).isEqualTo(cells);
    }

    @Test
    void truncateCutsAtTheRightWithAnEllipsisWithinTheWidth() {
        assertThat(TextWidth.truncate("session", 10)).isEqualTo("session");
        assertThat(TextWidth.truncate("session", 5)).isEqualTo("sess…");
        assertThat(TextWidth.truncate("日本語", 4)).isEqualTo("日…");
        assertThat(TextWidth.truncate("日本語", 5)).isEqualTo("日本…");
        assertThat(TextWidth.truncate("abc", 0)).isEmpty();
    }

    @Test
    void truncateLeftKeepsTheTail() {
        assertThat(TextWidth.truncateLeft("/home/u/code/api", 10)).isEqualTo("…/code/api");
        assertThat(TextWidth.truncateLeft("/tmp", 10)).isEqualTo("/tmp");
        assertThat(TextWidth.truncateLeft("/日本/語", 4)).isEqualTo("…/語");
    }

    @Test
    void combiningMarksStayWithTheirBaseCharacter() {
        assertThat(TextWidth.graphemes("e\u0301x")).containsExactly("e\u0301", "x");
    }

    /** The shortcut for simple text must split exactly where the JDK's grapheme rules do, for each such character. */
    @Test
    void everySimpleCharacterIsAGraphemeOfItsOwnBesideAnyOther() {
        int checked = 0;
        for (char c = 0; c < 0x3000; c++) {
            if (!TextWidth.simple(c)) {
                continue;
            }
            checked++;
            for (String pair : new String[]{"a" + c, c + "a", "" + c + c, "\u26a1" + c, c + "\u26a1"}) {
                assertThat(clusters(pair)).as("U+%04X in %s", (int) c, pair).isEqualTo(2);
            }
            assertThat(TextWidth.ofGrapheme(String.valueOf(c))).isEqualTo(TextWidth.ofCodePoint(c));
        }
        assertThat(checked).isGreaterThan(3000);
        assertThat(TextWidth.simple("\u2500\u2502\u256d\u25b8\u25be\u280b\u2318 sessions \u26a11 \u25cf2 \u2301300")).isTrue();
        assertThat(TextWidth.simple("e\u0301")).isFalse();
        assertThat(TextWidth.simple("\r\n")).isFalse();
        assertThat(TextWidth.simple("\u26a1\ufe0f")).isFalse();
        assertThat(TextWidth.simple("\ud83d\ude80")).isFalse();
    }

    @Test
    void simpleAndOtherTextMeasureAndCutAlike() {
        assertThat(TextWidth.graphemes("a\u26a1b")).containsExactly("a", "\u26a1", "b");
        assertThat(TextWidth.of("main \u23f3 \u00e9t\u00e9")).isEqualTo(11);
        assertThat(TextWidth.truncate("ab\u231acdefgh", 6)).isEqualTo("ab\u231ac\u2026");
        assertThat(TextWidth.truncate("feature-\u231ab", 10)).isEqualTo("feature-\u2026");
    }

    private static int clusters(String text) {
        BreakIterator breaks = BreakIterator.getCharacterInstance();
        breaks.setText(text);
        int count = 0;
        breaks.first();
        while (breaks.next() != BreakIterator.DONE) {
            count++;
        }
        return count;
    }
}
