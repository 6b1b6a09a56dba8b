package dev.opensessions.sidebar.update;

import dev.opensessions.domain.sidebar.ThemeChoice;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.Key;
import dev.opensessions.sidebar.model.KeyKind;
import dev.opensessions.sidebar.model.Modal;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;
import dev.opensessions.sidebar.model.modal.KillConfirm;
import dev.opensessions.sidebar.model.modal.Notice;
import dev.opensessions.sidebar.model.modal.PickerList;
import dev.opensessions.sidebar.model.modal.ProjectPicker;
import dev.opensessions.sidebar.model.modal.ThemePicker;
import dev.opensessions.sidebar.model.modal.WidthSlider;

import java.time.Duration;
import java.util.Optional;

/** Keys while a modal is open: the modal takes every key. */
final class ModalKeys {

    /** The width slider sends the shared width this long after the last change. */
    static final Duration WIDTH_DEBOUNCE = Duration.ofMillis(80);

    private ModalKeys() {
    }

    static Step<SidebarState> handle(SidebarState state, Key key) {
        Modal modal = state.panel().modal();
        if (modal instanceof ThemePicker picker) {
            return themePicker(state, picker, key);
        }
        if (modal instanceof WidthSlider slider) {
            return widthSlider(state, slider, key);
        }
        if (modal instanceof ProjectPicker picker) {
            return projectPicker(state, picker, key);
        }
        if (modal instanceof KillConfirm confirm) {
            return KillConfirmKeys.handle(state, confirm, key);
        }
        if (modal instanceof Notice) {
            return Step.of(close(state));
        }
        return Step.of(state);
    }

    private static Step<SidebarState> themePicker(SidebarState state, ThemePicker picker, Key key) {
        if (key.kind() == KeyKind.ESCAPE) {
            return Step.of(close(state));
        }
        if (key.kind() == KeyKind.ENTER) {
            return chooseTheme(state, picker);
        }
        return Step.of(edited(key, picker.list()).map(l -> open(state, picker.withList(l))).orElse(state));
    }

    private static Step<SidebarState> projectPicker(SidebarState state, ProjectPicker picker, Key key) {
        if (key.kind() == KeyKind.ESCAPE) {
            return Step.of(close(state));
        }
        if (key.kind() == KeyKind.ENTER) {
            return chooseProject(state, picker);
        }
        return Step.of(edited(key, picker.list()).map(l -> open(state, picker.withList(l))).orElse(state));
    }

    /** Applies the theme under the cursor to every sidebar; nothing when the filter matches none. */
    static Step<SidebarState> chooseTheme(SidebarState state, ThemePicker picker) {
        return picker.previewed()
                .map(name -> Step.of(close(state), new Effect.SetTheme(ThemeChoice.named(name))))
                .orElseGet(() -> Step.of(state));
    }

    static Step<SidebarState> chooseProject(SidebarState state, ProjectPicker picker) {
        return picker.selected()
                .map(dir -> Step.of(close(state), new Effect.OpenProject(dir)))
                .orElseGet(() -> Step.of(state));
    }

    /**
     * A picker's list after a key: arrows move; {@code j}/{@code k} move while the query is empty and are
     * typed once it is not, so names with those letters can be searched; Backspace erases; other printable
     * characters are typed. Empty for keys the picker ignores.
     */
    private static Optional<PickerList> edited(Key key, PickerList list) {
        boolean moving = list.query().isEmpty();
        if (key.kind() == KeyKind.DOWN || moving && key.is('j')) {
            return Optional.of(list.moved(1));
        }
        if (key.kind() == KeyKind.UP || moving && key.is('k')) {
            return Optional.of(list.moved(-1));
        }
        if (key.kind() == KeyKind.BACKSPACE) {
            return Optional.of(list.erased());
        }
        if (key.kind() == KeyKind.CHAR && !key.ctrl() && !key.alt() && !Character.isISOControl(key.codePoint())) {
            return Optional.of(list.typed(key.codePoint()));
        }
        return Optional.empty();
    }

    private static Step<SidebarState> widthSlider(SidebarState state, WidthSlider slider, Key key) {
        if (key.kind() == KeyKind.ENTER || key.kind() == KeyKind.ESCAPE) {
            return closeSlider(state, slider);
        }
        int delta = 0;
        if (key.kind() == KeyKind.LEFT || key.is('h')) {
            delta = key.shift() ? -5 : -1;
        } else if (key.kind() == KeyKind.RIGHT || key.is('l')) {
            delta = key.shift() ? 5 : 1;
        } else if (key.is('H')) {
            delta = -5;
        } else if (key.is('L')) {
            delta = 5;
        }
        return delta == 0 ? Step.of(state) : slideTo(state, slider, slider.value() + delta);
    }

    /** Shows the new value at once and asks for the debounce timer of the new generation. */
    static Step<SidebarState> slideTo(SidebarState state, WidthSlider slider, int width) {
        WidthSlider moved = slider.movedTo(width);
        if (moved == slider) {
            return Step.of(state);
        }
        return Step.of(open(state, moved),
                new Effect.Later(WIDTH_DEBOUNCE, new Msg.Timer(WidthSlider.TIMER, moved.generation())));
    }

    /** Closes the slider; a change still waiting for its timer is sent now, not lost. */
    static Step<SidebarState> closeSlider(SidebarState state, WidthSlider slider) {
        return slider.pending()
                ? Step.of(close(state), new Effect.SetWidth(slider.value()))
                : Step.of(close(state));
    }

    /** The slider's debounce timer: only the newest generation's sends, and only a change not yet sent. */
    static Step<SidebarState> widthTimer(SidebarState state, Msg.Timer timer) {
        if (state.panel().modal() instanceof WidthSlider slider
                && slider.generation() == timer.generation() && slider.pending()) {
            return Step.of(open(state, slider.markSent()), new Effect.SetWidth(slider.value()));
        }
        return Step.of(state);
    }

    static SidebarState open(SidebarState state, Modal modal) {
        return state.withPanel(state.panel().withModal(modal));
    }

    static SidebarState close(SidebarState state) {
        return state.withPanel(state.panel().withModal(null));
    }
}
