package dev.opensessions.sidebar.view;

import dev.opensessions.sidebar.model.SidebarState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Frames share their cells: a frame kept until the next one must not carry cells of its own into the old heap. */
class CellCacheTest {

    private static final SidebarState BUSY = SidebarViewTest.busyServer().sidebar(1, 40, 30);

    @Test
    void twoFramesOfTheSameScreenShareEveryAsciiCell() {
        Grid first = SidebarView.render(BUSY, Theme.catppuccinMocha());
        Grid second = SidebarView.render(BUSY, Theme.catppuccinMocha());

        assertThat(second).isEqualTo(first);
        int ascii = 0;
        for (int y = 0; y < first.height(); y++) {
            for (int x = 0; x < first.width(); x++) {
                Cell cell = first.cell(x, y);
                if (cell.symbol().length() == 1 && cell.symbol().charAt(0) < 0x80) {
                    ascii++;
                    assertThat(second.cell(x, y)).as("cell %d,%d", x, y).isSameAs(cell);
                }
            }
        }
        assertThat(ascii).isGreaterThan(first.width() * first.height() / 2);
    }

    @Test
    void aCellIsCachedOnlyForAnAsciiCharacterInItsOwnStyle() {
        CellStyle style = CellStyle.PLAIN.withForeground(new Color.Rgb(1, 2, 3));
        Cell[] cells = CellCache.of(style);

        assertThat(CellCache.of(CellStyle.PLAIN.withForeground(new Color.Rgb(1, 2, 3)))).isSameAs(cells);
        assertThat(CellCache.cell(cells, "a", style)).isSameAs(CellCache.cell(cells, "a", style))
                .isEqualTo(new Cell("a", style));
        assertThat(CellCache.cell(cells, "⠋", style)).isNotSameAs(CellCache.cell(cells, "⠋", style))
                .isEqualTo(new Cell("⠋", style));
        assertThat(CellCache.cell(cells, "ab", style)).isEqualTo(new Cell("ab", style));
        assertThat(CellCache.cell(null, "a", style)).isNotSameAs(CellCache.cell(null, "a", style))
                .isEqualTo(new Cell("a", style));
    }
}
