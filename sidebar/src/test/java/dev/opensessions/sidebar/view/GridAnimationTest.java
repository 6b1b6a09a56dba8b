package dev.opensessions.sidebar.view;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GridAnimationTest {

    private static final CellStyle YELLOW = CellStyle.PLAIN.withForeground(new Color.Rgb(249, 226, 175));

    @Test
    void aGridWithoutAnimatedCellsDoesNotAnimateAndStaysAsItIs() {
        Grid grid = Grid.builder(3, 1).set(0, 0, new Cell("⠋", YELLOW)).build();

        assertThat(grid.animates()).isFalse();
        assertThat(grid.animatedTo("⠙")).isSameAs(grid);
    }

    @Test
    void theAnimatedCellsTakeTheNextSymbolInTheirOwnStyleAndNothingElseChanges() {
        Grid grid = Grid.builder(4, 2)
                .set(1, 0, new Cell("⠋", YELLOW)).animate(1, 0)
                .set(2, 1, new Cell("⠋", CellStyle.PLAIN)).animate(2, 1)
                .set(3, 1, new Cell("x", CellStyle.PLAIN))
                .build();

        Grid next = grid.animatedTo("⠙");

        assertThat(next.text()).isEqualTo(" ⠙\n  ⠙x");
        assertThat(next.cell(1, 0).style()).isEqualTo(YELLOW);
        assertThat(next.changedSince(grid)).containsExactly(1, 6);
        assertThat(next.changedSince(next)).isNull();
        assertThat(grid.changedSince(null)).isNull();
    }

    @Test
    void aCellDrawnOverLaterNoLongerAnimates() {
        Grid grid = Grid.builder(2, 1).set(0, 0, new Cell("⠋", YELLOW)).animate(0, 0)
                .set(0, 0, new Cell("│", CellStyle.PLAIN)).build();

        assertThat(grid.animates()).isFalse();
    }
}
