package dev.opensessions.sidebar.view;

import dev.opensessions.sidebar.model.SidebarState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The same screen drawn in different themes: same text, the theme's colours. */
class SidebarViewThemeTest {

    private static final SidebarState BUSY = SidebarViewTest.busyServer().sidebar(1, 40, 30);

    /** Where the unfocused session name "web" starts (row "  02 ⠋ web"). */
    private static final int NAME_X = 7;
    private static final int NAME_Y = 5;

    /** The first footer hint, "⇥ cycle". */
    private static final int HINT_Y = 28;

    @Test
    void aThemeRecoloursTheScreenButKeepsItsText() {
        Theme nord = Themes.named("nord").orElseThrow();

        Grid mocha = SidebarView.render(BUSY, Theme.catppuccinMocha());
        Grid themed = SidebarView.render(BUSY, nord);

        assertThat(themed.text()).isEqualTo(mocha.text());
        assertThat(themed.cell(NAME_X, NAME_Y).symbol()).isEqualTo("w");
        assertThat(themed.cell(NAME_X, NAME_Y).style().foreground()).isEqualTo(nord.text());
        assertThat(mocha.cell(NAME_X, NAME_Y).style().foreground()).isEqualTo(Theme.catppuccinMocha().text());
        assertThat(themed.cell(1, HINT_Y).symbol()).isEqualTo("⇥");
        assertThat(themed.cell(1, HINT_Y).style().foreground()).isEqualTo(nord.overlay0());
        assertThat(themed.cell(0, 2).style().foreground()).isEqualTo(nord.green());
        assertThat(themed).isNotEqualTo(mocha);
    }

    @Test
    void everyThemePaintsItsBackgroundOnEveryCellDrawnOrBlank() {
        for (String name : Themes.names()) {
            Theme theme = Themes.named(name).orElseThrow();
            Grid grid = SidebarView.render(BUSY, theme);
            for (int y = 0; y < grid.height(); y++) {
                for (int x = 0; x < grid.width(); x++) {
                    Color background = grid.cell(x, y).style().background();
                    if (!background.equals(theme.base())) {
                        // Highlights (a selected row, a status pill) carry their own colour, never the terminal's.
                        assertThat(background).as("%s cell %d,%d", name, x, y).isNotEqualTo(Color.DEFAULT);
                    }
                }
            }
            assertThat(grid.cell(grid.width() - 1, grid.height() - 1).style().background()).as(name)
                    .isEqualTo(theme.base());
        }
    }

    @Test
    void aBaseOfDefaultKeepsTheTerminalsOwnBackground() {
        Theme own = Theme.catppuccinMocha().withSlots("own-background", java.util.Map.of("base", Color.DEFAULT));

        Grid grid = SidebarView.render(BUSY, own);

        assertThat(grid.cell(grid.width() - 1, grid.height() - 1).style().background()).isEqualTo(Color.DEFAULT);
        assertThat(grid.cell(NAME_X, NAME_Y).style().background()).isEqualTo(Color.DEFAULT);
    }

    @Test
    void transparentDrawsTextInTheTerminalsOwnColours() {
        Grid grid = SidebarView.render(BUSY, Themes.named("transparent").orElseThrow());

        assertThat(grid.cell(NAME_X, NAME_Y).style().foreground()).isEqualTo(Color.DEFAULT);
        assertThat(grid.cell(NAME_X, NAME_Y).style().background()).isEqualTo(Color.DEFAULT);
        assertThat(grid.cell(0, 2).style().foreground()).isEqualTo(Theme.catppuccinMocha().green());
    }
}
