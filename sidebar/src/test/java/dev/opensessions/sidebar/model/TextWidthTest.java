package dev.opensessions.sidebar.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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
}
