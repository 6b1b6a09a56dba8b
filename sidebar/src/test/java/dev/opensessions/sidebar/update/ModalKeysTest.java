package dev.opensessions.sidebar.update;

import dev.opensessions.domain.sidebar.SidebarSettings;
import dev.opensessions.domain.sidebar.ThemeChoice;
import dev.opensessions.sidebar.World;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.Key;
import dev.opensessions.sidebar.model.KeyKind;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;
import dev.opensessions.sidebar.model.modal.ThemePicker;
import dev.opensessions.sidebar.model.modal.WidthSlider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The theme picker and the width slider take every key while open. */
class ModalKeysTest {

    private static SidebarState sidebar() {
        return new World().session("api", "/code/api")
                .settings(s -> s.withTheme(ThemeChoice.named("nord")).withWidth(30))
                .sidebar(1, 30, 40);
    }

    private static Step<SidebarState> press(SidebarState state, Key key) {
        return SidebarUpdate.update(state, new Msg.KeyPressed(key));
    }

    private static SidebarState pressAll(SidebarState state, Key... keys) {
        for (Key key : keys) {
            state = press(state, key).state();
        }
        return state;
    }

    private static Key[] typed(String text) {
        return text.chars().mapToObj(Key::character).toArray(Key[]::new);
    }

    private static String previewed(SidebarState state) {
        return ((ThemePicker) state.panel().modal()).previewed().orElse(null);
    }

    private static WidthSlider slider(SidebarState state) {
        return (WidthSlider) state.panel().modal();
    }

    @Test
    void tOpensThePickerOnTheSharedTheme() {
        SidebarState state = press(sidebar(), Key.character('t')).state();

        assertThat(previewed(state)).isEqualTo("nord");
    }

    @Test
    void jkAndArrowsMoveThePreviewAndTheModalTakesTheListsKeys() {
        SidebarState open = press(sidebar(), Key.character('t')).state();

        assertThat(previewed(pressAll(open, Key.character('j')))).isEqualTo("dracula");
        assertThat(previewed(pressAll(open, Key.of(KeyKind.DOWN), Key.of(KeyKind.DOWN)))).isEqualTo("github-dark");
        assertThat(previewed(pressAll(open, Key.character('k'), Key.of(KeyKind.UP)))).isEqualTo("tokyo-night");
        Step<SidebarState> quit = press(open, Key.character('q'));
        assertThat(quit.effects()).isEmpty();
        assertThat(press(open, Key.character('1')).effects()).isEmpty();
    }

    @Test
    void typingFiltersAndOnceTypedJAndKAreLettersBackspaceErases() {
        SidebarState open = press(sidebar(), Key.character('t')).state();
        assertThat(previewed(pressAll(open, typed("tok")))).isEqualTo("tokyo-night");

        SidebarState state = pressAll(open, typed("ok"));
        assertThat(((ThemePicker) state.panel().modal()).list().query()).isEqualTo("ok");
        assertThat(previewed(state)).isEqualTo("tokyo-night");
        assertThat(previewed(pressAll(state, Key.of(KeyKind.DOWN)))).isEqualTo("flexoki");
        SidebarState erased = pressAll(state, Key.of(KeyKind.BACKSPACE));
        assertThat(((ThemePicker) erased.panel().modal()).list().query()).isEqualTo("o");
        assertThat(previewed(erased)).isEqualTo("catppuccin-mocha");
    }

    @Test
    void enterAppliesTheThemeUnderTheCursorToEverySidebarAndCloses() {
        SidebarState state = pressAll(press(sidebar(), Key.character('t')).state(), typed("drac"));

        Step<SidebarState> step = press(state, Key.of(KeyKind.ENTER));

        assertThat(step.effects()).containsExactly(new Effect.SetTheme(ThemeChoice.named("dracula")));
        assertThat(step.state().panel().modal()).isNull();
    }

    @Test
    void enterWithNoMatchAppliesNothingAndEscClosesWithoutApplying() {
        SidebarState state = pressAll(press(sidebar(), Key.character('t')).state(), typed("zzz"));

        assertThat(press(state, Key.of(KeyKind.ENTER)).effects()).isEmpty();
        assertThat(press(state, Key.of(KeyKind.ENTER)).state().panel().modal()).isNotNull();
        Step<SidebarState> esc = press(state, Key.of(KeyKind.ESCAPE));
        assertThat(esc.effects()).isEmpty();
        assertThat(esc.state().panel().modal()).isNull();
    }

    @Test
    void wOpensTheSliderOnTheSharedWidth() {
        assertThat(slider(press(sidebar(), Key.character('w')).state()).value()).isEqualTo(30);
    }

    @Test
    void arrowsAndHlMoveByOneAndUpperCaseByFiveEachAskingForTheDebounceTimer() {
        SidebarState open = press(sidebar(), Key.character('w')).state();

        Step<SidebarState> right = press(open, Key.of(KeyKind.RIGHT));
        assertThat(slider(right.state()).value()).isEqualTo(31);
        assertThat(right.effects()).containsExactly(
                new Effect.Later(Duration.ofMillis(80), new Msg.Timer("width", slider(right.state()).generation())));
        assertThat(slider(pressAll(open, Key.character('l'), Key.character('l'))).value()).isEqualTo(32);
        assertThat(slider(pressAll(open, Key.of(KeyKind.LEFT), Key.character('h'))).value()).isEqualTo(28);
        assertThat(slider(pressAll(open, Key.character('L'))).value()).isEqualTo(35);
        assertThat(slider(pressAll(open, Key.character('H'), Key.character('H'))).value()).isEqualTo(20);
    }

    @Test
    void theValueStaysInTheAllowedRangeAndAClampedKeyAsksNothing() {
        SidebarState atMax = pressAll(press(sidebar(), Key.character('w')).state(),
                Key.character('L'), Key.character('L'), Key.character('L'), Key.character('L'),
                Key.character('L'), Key.character('L'), Key.character('L'));

        assertThat(slider(atMax).value()).isEqualTo(SidebarSettings.MAX_WIDTH);
        assertThat(press(atMax, Key.character('l')).effects()).isEmpty();
    }

    @Test
    void onlyTheNewestGenerationsTimerSendsTheWidth() {
        SidebarState state = press(sidebar(), Key.character('w')).state();
        Step<SidebarState> first = press(state, Key.of(KeyKind.RIGHT));
        Step<SidebarState> second = press(first.state(), Key.of(KeyKind.RIGHT));
        Msg.Timer older = (Msg.Timer) ((Effect.Later) first.effects().getFirst()).msg();
        Msg.Timer newest = (Msg.Timer) ((Effect.Later) second.effects().getFirst()).msg();

        Step<SidebarState> stale = SidebarUpdate.update(second.state(), older);
        assertThat(stale.effects()).isEmpty();
        Step<SidebarState> fired = SidebarUpdate.update(stale.state(), newest);
        assertThat(fired.effects()).containsExactly(new Effect.SetWidth(32));
        assertThat(SidebarUpdate.update(fired.state(), newest).effects()).as("sent once").isEmpty();
        assertThat(slider(fired.state()).value()).isEqualTo(32);
    }

    @Test
    void enterOrEscClosesAndSendsAChangeStillWaitingForItsTimer() {
        SidebarState moved = pressAll(press(sidebar(), Key.character('w')).state(), Key.character('L'));

        for (Key close : List.of(Key.of(KeyKind.ENTER), Key.of(KeyKind.ESCAPE))) {
            Step<SidebarState> step = press(moved, close);
            assertThat(step.effects()).containsExactly(new Effect.SetWidth(35));
            assertThat(step.state().panel().modal()).isNull();
        }
    }

    @Test
    void closingAfterTheTimerSentOrWithoutAChangeSendsNothingAndALateTimerIsIgnored() {
        Step<SidebarState> moved = press(press(sidebar(), Key.character('w')).state(), Key.character('l'));
        Msg.Timer timer = (Msg.Timer) ((Effect.Later) moved.effects().getFirst()).msg();
        SidebarState sent = SidebarUpdate.update(moved.state(), timer).state();

        Step<SidebarState> closed = press(sent, Key.of(KeyKind.ESCAPE));
        assertThat(closed.effects()).isEmpty();
        assertThat(SidebarUpdate.update(closed.state(), timer).effects()).isEmpty();
        assertThat(press(press(sidebar(), Key.character('w')).state(), Key.of(KeyKind.ENTER)).effects()).isEmpty();
    }

    @Test
    void aTimerForAnotherPurposeLeavesTheSliderAlone() {
        Step<SidebarState> moved = press(press(sidebar(), Key.character('w')).state(), Key.character('l'));
        long generation = slider(moved.state()).generation();

        assertThat(SidebarUpdate.update(moved.state(), new Msg.Timer("flash", generation)).effects()).isEmpty();
    }
}
