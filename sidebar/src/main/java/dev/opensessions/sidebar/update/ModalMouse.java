package dev.opensessions.sidebar.update;

import dev.opensessions.sidebar.model.Modal;
import dev.opensessions.sidebar.model.MouseKind;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;
import dev.opensessions.sidebar.model.modal.KillConfirm;
import dev.opensessions.sidebar.model.modal.Notice;
import dev.opensessions.sidebar.model.modal.ModalBox;
import dev.opensessions.sidebar.model.modal.PickerList;
import dev.opensessions.sidebar.model.modal.ProjectPicker;
import dev.opensessions.sidebar.model.modal.ThemePicker;
import dev.opensessions.sidebar.model.modal.WidthSlider;

/**
 * The mouse on an open modal: a click on a picker's row chooses it (as Enter does), a click on the width
 * bar sets the width there, a click outside the box closes the modal (as Esc does; the kill confirm then
 * kills nothing), the wheel moves the cursor or the width.
 */
final class ModalMouse {

    private ModalMouse() {
    }

    static Step<SidebarState> handle(SidebarState state, Modal modal, Msg.Mouse mouse) {
        int wheel = mouse.kind() == MouseKind.SCROLL_UP ? -1 : mouse.kind() == MouseKind.SCROLL_DOWN ? 1 : 0;
        if (wheel == 0 && !PanelMouse.isPress(mouse)) {
            return Step.of(state);
        }
        if (modal instanceof ThemePicker picker) {
            return themes(state, picker, mouse, wheel);
        }
        if (modal instanceof ProjectPicker picker) {
            return projects(state, picker, mouse, wheel);
        }
        if (modal instanceof WidthSlider slider) {
            return slider(state, slider, mouse, wheel);
        }
        if (modal instanceof Notice && wheel == 0) {
            return Step.of(ModalKeys.close(state));
        }
        if (modal instanceof KillConfirm confirm && wheel == 0) {
            // A click beside the question keeps the sessions, as n does; the answer itself is a key.
            return outside(state, confirm.box(state.width(), state.height()), mouse);
        }
        return Step.of(state);
    }

    private static Step<SidebarState> themes(SidebarState state, ThemePicker picker, Msg.Mouse mouse, int wheel) {
        if (wheel != 0) {
            return Step.of(ModalKeys.open(state, picker.withList(picker.list().moved(wheel))));
        }
        ModalBox box = picker.box(state.width(), state.height());
        int row = listRow(box, mouse, picker.list(), picker.visibleRows(state.height()));
        return row >= 0 ? ModalKeys.chooseTheme(state, picker.withList(picker.list().at(row)))
                : outside(state, box, mouse);
    }

    private static Step<SidebarState> projects(SidebarState state, ProjectPicker picker, Msg.Mouse mouse, int wheel) {
        if (wheel != 0) {
            return Step.of(ModalKeys.open(state, picker.withList(picker.list().moved(wheel))));
        }
        ModalBox box = picker.box(state.width(), state.height());
        int row = listRow(box, mouse, picker.list(), picker.visibleRows(state.height()));
        return row >= 0 ? ModalKeys.chooseProject(state, picker.withList(picker.list().at(row)))
                : outside(state, box, mouse);
    }

    private static Step<SidebarState> slider(SidebarState state, WidthSlider slider, Msg.Mouse mouse, int wheel) {
        if (wheel != 0) {
            return ModalKeys.slideTo(state, slider, slider.value() - wheel);
        }
        ModalBox box = slider.box(state.width(), state.height());
        if (!box.contains(mouse.x(), mouse.y())) {
            return ModalKeys.closeSlider(state, slider);
        }
        int cell = mouse.x() - WidthSlider.barLeft(box);
        int cells = WidthSlider.barWidth(box);
        if (box.bodyRow(mouse.y()) == WidthSlider.BAR_ROW && cell >= 0 && cell < cells) {
            return ModalKeys.slideTo(state, slider, WidthSlider.widthAt(cell, cells));
        }
        return Step.of(state);
    }

    /** The match under the click, counted over every match (the list may be scrolled); -1 when none. */
    private static int listRow(ModalBox box, Msg.Mouse mouse, PickerList list, int visible) {
        int row = box.bodyRow(mouse.y()) - 1;
        if (!box.contains(mouse.x(), mouse.y()) || row < 0 || row >= visible) {
            return -1;
        }
        int match = list.firstShown(visible) + row;
        return match < list.matches().size() ? match : -1;
    }

    private static Step<SidebarState> outside(SidebarState state, ModalBox box, Msg.Mouse mouse) {
        return box.contains(mouse.x(), mouse.y()) ? Step.of(state) : Step.of(ModalKeys.close(state));
    }
}
