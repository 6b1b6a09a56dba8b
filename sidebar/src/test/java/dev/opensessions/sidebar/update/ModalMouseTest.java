package dev.opensessions.sidebar.update;

import dev.opensessions.domain.sidebar.ThemeChoice;
import dev.opensessions.sidebar.World;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.Key;
import dev.opensessions.sidebar.model.MouseKind;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;
import dev.opensessions.sidebar.model.modal.ThemePicker;
import dev.opensessions.sidebar.model.modal.WidthSlider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mouse on an open modal, through the sidebar's update. On a 30x40 pane the theme picker and the slider
 * are 28-column boxes at column 1, row 2: the first content row (filter or value) is row 3, the themes or the
 * bar start on row 4; the slider's bar spans columns 3 to 26.
 */
class ModalMouseTest {

    private static SidebarState sidebar() {
        return new World().session("api", "/code/api")
                .settings(s -> s.withTheme(ThemeChoice.named("nord")).withWidth(30))
                .sidebar(1, 30, 40);
    }

    private static SidebarState opened(char key) {
        return SidebarUpdate.update(sidebar(), new Msg.KeyPressed(Key.character(key))).state();
    }

    private static Step<SidebarState> click(SidebarState state, int x, int y) {
        return SidebarUpdate.update(state, new Msg.Mouse(MouseKind.PRESS, 0, x, y));
    }

    @Test
    void clickingAThemeAppliesItAndCloses() {
        Step<SidebarState> step = click(opened('t'), 5, 4 + 7);

        assertThat(step.effects()).containsExactly(new Effect.SetTheme(ThemeChoice.named("dracula")));
        assertThat(step.state().panel().modal()).isNull();
    }

    @Test
    void clickingOutsideThePickerClosesItWithoutApplyingAndInsideOffTheListDoesNothing() {
        Step<SidebarState> outside = click(opened('t'), 10, 30);
        assertThat(outside.effects()).isEmpty();
        assertThat(outside.state().panel().modal()).isNull();

        Step<SidebarState> filterRow = click(opened('t'), 10, 3);
        assertThat(filterRow.effects()).isEmpty();
        assertThat(filterRow.state().panel().modal()).isInstanceOf(ThemePicker.class);
    }

    @Test
    void theWheelMovesThePreview() {
        SidebarState state = SidebarUpdate.update(opened('t'), new Msg.Mouse(MouseKind.SCROLL_DOWN, 0, 5, 8)).state();

        assertThat(((ThemePicker) state.panel().modal()).previewed()).contains("dracula");
    }

    @Test
    void clickingTheBarSetsTheWidthThereDebounced() {
        Step<SidebarState> end = click(opened('w'), 26, 4);
        Step<SidebarState> middle = click(opened('w'), 14, 4);

        WidthSlider slider = (WidthSlider) end.state().panel().modal();
        assertThat(slider.value()).isEqualTo(60);
        assertThat(end.effects()).containsExactly(
                new Effect.Later(Duration.ofMillis(80), new Msg.Timer("width", slider.generation())));
        assertThat(((WidthSlider) middle.state().panel().modal()).value()).isEqualTo(40);
    }

    @Test
    void clickingOutsideTheSliderClosesItAndSendsThePendingWidth() {
        SidebarState moved = click(opened('w'), 14, 4).state();

        Step<SidebarState> closed = click(moved, 10, 30);

        assertThat(closed.effects()).containsExactly(new Effect.SetWidth(40));
        assertThat(closed.state().panel().modal()).isNull();
    }

    @Test
    void clickingAFolderOpensIt() {
        SidebarState state = SidebarUpdate.update(sidebar(),
                new Msg.ProjectsListed(List.of("/srv/a", "/srv/b", "/srv/c"), "/home/me")).state();

        Step<SidebarState> step = click(state, 5, 5);

        assertThat(step.effects()).containsExactly(new Effect.OpenProject("/srv/b"));
        assertThat(step.state().panel().modal()).isNull();
    }
}
