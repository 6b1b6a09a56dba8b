package dev.opensessions.sidebar.runtime;

import dev.opensessions.sidebar.view.Cell;
import dev.opensessions.sidebar.view.CellStyle;
import dev.opensessions.sidebar.view.Color;
import dev.opensessions.sidebar.view.Grid;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class FrameRendererTest {

    private final FrameRenderer renderer = new FrameRenderer();

    @Test
    void theFirstFrameClearsThenDrawsOnlyNonBlankCells() {
        Grid grid = Grid.blank(10, 3).with(2, 1, new Cell("é", CellStyle.PLAIN.withBackground(Color.Rgb.hex("#102030"))));
        String ansi = text(renderer.render(grid));
        assertThat(ansi).startsWith("\u001b[0m\u001b[H\u001b[2J").contains("\u001b[2;3H").contains("48;2;16;32;48").contains("é");
        assertThat(TestScreen.of(ansi.getBytes(StandardCharsets.UTF_8), 10, 3).row(1)).isEqualTo("  é");
    }

    @Test
    void anUnchangedFrameWritesNothing() {
        Grid grid = Grid.blank(10, 3).with(0, 0, new Cell("x", CellStyle.PLAIN));
        renderer.render(grid);
        assertThat(renderer.render(grid)).isEmpty();
    }

    @Test
    void aChangedCellIsAllThatIsWritten() {
        renderer.render(Grid.blank(10, 3).with(0, 0, new Cell("x", CellStyle.PLAIN)));
        String ansi = text(renderer.render(Grid.blank(10, 3).with(0, 0, new Cell("x", CellStyle.PLAIN)).with(4, 2, new Cell("y", CellStyle.PLAIN))));
        assertThat(ansi).isEqualTo("\u001b[3;5H\u001b[0my\u001b[0m");
    }

    @Test
    void aNewSizeRepaintsFromAClearedScreen() {
        renderer.render(Grid.blank(10, 3).with(0, 0, new Cell("x", CellStyle.PLAIN)));
        String ansi = text(renderer.render(Grid.blank(12, 4).with(0, 0, new Cell("x", CellStyle.PLAIN))));
        assertThat(ansi).startsWith("\u001b[0m\u001b[H\u001b[2J").contains("x");
    }

    @Test
    void closingGivesTheTerminalBack() {
        assertThat(text(renderer.close())).isEqualTo("\u001b[0m\u001b[?1006l\u001b[?1003l\u001b[?1002l\u001b[?1000l\u001b[?25h\u001b[?1049l");
        assertThat(text(renderer.open())).isEqualTo("\u001b[?1049h\u001b[?25l\u001b[?1000h\u001b[?1002h\u001b[?1003h\u001b[?1006h");
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
