package dev.opensessions.sidebar.view;

import dev.opensessions.domain.sidebar.ThemeChoice;
import dev.opensessions.sidebar.World;
import dev.opensessions.sidebar.model.Key;
import dev.opensessions.sidebar.model.KeyKind;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.update.SidebarUpdate;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The modals (theme picker, width slider, kill confirm, project picker) drawn over the sidebar, as text grids with
 * colour checks.
 */
class ModalViewTest {

    private static final Theme NORD = Themes.named("nord").orElseThrow();
    private static final Theme DRACULA = Themes.named("dracula").orElseThrow();

    private static World world() {
        return new World().session("api", "/code/api").session("web", "/code/web")
                .settings(s -> s.withTheme(ThemeChoice.named("nord")));
    }

    private static SidebarState press(SidebarState state, Key... keys) {
        for (Key key : keys) {
            state = SidebarUpdate.update(state, new Msg.KeyPressed(key)).state();
        }
        return state;
    }

    private static List<String> rows(Grid grid, int from, int count) {
        return grid.text().lines().skip(from).limit(count).toList();
    }

    @Test
    void themePickerListsTwelveThemesAroundTheCursorOnTheSharedTheme() {
        Grid grid = SidebarView.render(press(world().sidebar(1, 30, 34), Key.character('t')));

        assertThat(rows(grid, 2, 15)).containsExactly(
                " ╭─ theme ──────────────────╮",
                " │ type to filter           │",
                " │  catppuccin-mocha        │",
                " │  catppuccin-latte        │",
                " │  catppuccin-frappe       │",
                " │  catppuccin-macchiato    │",
                " │  tokyo-night             │",
                " │  gruvbox-dark            │",
                " │› nord                    │",
                " │  dracula                 │",
                " │  github-dark             │",
                " │  one-dark                │",
                " │  kanagawa                │",
                " │  everforest              │",
                " ╰──────────────────────────╯");
        assertThat(grid.cell(4, 10).style().background()).isEqualTo(NORD.surface0());
        assertThat(grid.cell(4, 10).style().foreground()).isEqualTo(NORD.lavender());
        assertThat(grid.cell(4, 9).style().background()).isEqualTo(NORD.base());
        assertThat(grid.cell(1, 2).style().foreground()).isEqualTo(NORD.overlay0());
    }

    @Test
    void thePanePreviewsTheThemeUnderTheCursorAndEscRestoresTheSharedOne() {
        SidebarState picking = press(world().sidebar(1, 30, 34), Key.character('t'), Key.character('j'));

        Grid preview = SidebarView.render(picking);
        Grid restored = SidebarView.render(press(picking, Key.of(KeyKind.ESCAPE)));

        assertThat(preview.cell(4, 11).symbol()).isEqualTo("d");
        assertThat(preview.cell(4, 11).style().background()).isEqualTo(DRACULA.surface0());
        assertThat(preview.cell(1, 0).style().foreground()).as("header").isEqualTo(DRACULA.subtext1());
        assertThat(restored.cell(1, 0).style().foreground()).isEqualTo(NORD.subtext1());
        assertThat(restored.text()).doesNotContain("theme");
    }

    @Test
    void aFilterWithNoMatchPreviewsNothingAndSaysSo() {
        SidebarState state = press(world().sidebar(1, 30, 34), Key.character('t'), Key.character('z'),
                Key.character('z'));

        Grid grid = SidebarView.render(state);

        assertThat(rows(grid, 3, 2)).containsExactly(
                " │ / zz                     │",
                " │ no match                 │");
        assertThat(grid.cell(1, 0).style().foreground()).isEqualTo(NORD.subtext1());
    }

    @Test
    void themePickerAtTwentyColumnsTakesThePaneWidthAndShowsTheQuery() {
        Grid grid = SidebarView.render(press(world().sidebar(1, 20, 34), Key.character('t'), Key.character('o')));

        assertThat(rows(grid, 2, 6)).containsExactly(
                "╭─ theme ──────────╮",
                "│ / o              │",
                "│› catppuccin-moc… │",
                "│  catppuccin-mac… │",
                "│  tokyo-night     │",
                "│  gruvbox-dark    │");
        assertThat(grid.cell(3, 4).style().foreground()).isEqualTo(Theme.catppuccinMocha().lavender());
    }

    @Test
    void widthSliderShowsItsValueAndABarOverTheAllowedRange() {
        SidebarState state = press(world().settings(s -> s.withWidth(40)).sidebar(1, 30, 34), Key.character('w'));

        Grid grid = SidebarView.render(state);
        Grid max = SidebarView.render(press(state, Key.character('L'), Key.character('L'), Key.character('L'),
                Key.character('L')));

        assertThat(rows(grid, 2, 5)).containsExactly(
                " ╭─ Sidebar width ──────────╮",
                " │ 40 columns               │",
                " │ ████████████░░░░░░░░░░░░ │",
                " │ ←→ ±1  H L ±5            │",
                " ╰──────────────────────────╯");
        assertThat(grid.cell(3, 4).style().foreground()).isEqualTo(NORD.blue());
        assertThat(grid.cell(26, 4).style().foreground()).isEqualTo(NORD.surface1());
        assertThat(rows(max, 3, 2)).containsExactly(
                " │ 60 columns               │",
                " │ ████████████████████████ │");
    }

    @Test
    void widthSliderAtTwentyColumns() {
        Grid grid = SidebarView.render(press(world().sidebar(1, 20, 34), Key.character('w'), Key.character('h')));

        assertThat(rows(grid, 2, 5)).containsExactly(
                "╭─ Sidebar width ──╮",
                "│ 25 columns       │",
                "│ ██░░░░░░░░░░░░░░ │",
                "│ ←→ ±1  H L ±5    │",
                "╰──────────────────╯");
    }

    @Test
    void projectPickerListsFoldersWithHomeShortened() {
        String home = "/home/me";
        SidebarState state = SidebarUpdate.update(world().sidebar(1, 30, 34),
                new Msg.ProjectsListed(List.of(home + "/code/api", "/srv/infra"), home)).state();

        Grid grid = SidebarView.render(state);

        assertThat(rows(grid, 2, 5)).containsExactly(
                "╭─ new session ──────────────╮",
                "│ type to filter             │",
                "│› ~/code/api                │",
                "│  /srv/infra                │",
                "╰────────────────────────────╯");
    }

    @Test
    void anEmptyProjectPickerExplainsWhereFoldersComeFromEvenAtTwentyColumns() {
        SidebarState state = SidebarUpdate.update(world().sidebar(1, 20, 34), new Msg.ProjectsListed(List.of(), "/home/me"))
                .state();

        Grid grid = SidebarView.render(state);

        assertThat(rows(grid, 2, 4)).containsExactly(
                "╭─ new session ────╮",
                "│ no folders under │",
                "│ SESSIONIZER_DIR  │",
                "╰──────────────────╯");
    }

    @Test
    void aLongFolderIsCutFromTheLeftSoItsNameStays() {
        SidebarState state = SidebarUpdate.update(world().sidebar(1, 20, 34),
                new Msg.ProjectsListed(List.of("/srv/very/deeply/nested/project-x"), "/home/me")).state();

        assertThat(rows(SidebarView.render(state), 4, 1)).containsExactly("│› …sted/project-x │");
    }

    @Test
    void theWidthModalOnA37ColumnSidebarHidesTheListBesideItsBox() {
        SidebarState state = press(world().sidebar(1, 37, 34), Key.character('w'));

        Grid grid = SidebarView.render(state);

        List<String> boxRows = grid.text().lines().filter(row -> row.contains("│") || row.contains("╭")
                || row.contains("╰")).toList();
        assertThat(boxRows).hasSize(5).allSatisfy(row -> assertThat(row.substring(0, row.indexOf(row.strip()
                .charAt(0)))).as(row).isBlank());
        assertThat(String.join("\n", boxRows)).doesNotContain("api").doesNotContain("web");
        int top = grid.text().lines().toList().indexOf(boxRows.getFirst());
        assertThat(grid.cell(0, top).style().background()).isEqualTo(NORD.base());
    }

    @Test
    void aNoticeTellsWhatCouldNotBeDoneAndAnyKeyClosesIt() {
        SidebarState told = SidebarUpdate.update(world().sidebar(1, 30, 34),
                new Msg.Told("cannot open the port", "xdg-open is not installed, so no browser opens")).state();

        String screen = SidebarView.render(told).text();
        SidebarState closed = press(told, Key.character('j'));

        assertThat(screen).contains("cannot open").contains("xdg-open is not").contains("any key closes");
        assertThat(SidebarView.render(closed).text()).doesNotContain("xdg-open");
        assertThat(closed.focused()).as("the key only closed the notice").isEqualTo(told.focused());
    }
}
