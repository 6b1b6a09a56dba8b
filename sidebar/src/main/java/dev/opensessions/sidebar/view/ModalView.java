package dev.opensessions.sidebar.view;

import dev.opensessions.sidebar.model.Modal;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.TextWidth;
import dev.opensessions.sidebar.model.modal.KillConfirm;
import dev.opensessions.sidebar.model.modal.ModalBox;
import dev.opensessions.sidebar.model.modal.Notice;
import dev.opensessions.sidebar.model.modal.PickerList;
import dev.opensessions.sidebar.model.modal.ProjectPicker;
import dev.opensessions.sidebar.model.modal.ThemePicker;
import dev.opensessions.sidebar.model.modal.WidthSlider;

import java.util.List;

/**
 * Draws the open modal last, over everything else: a bordered box on the theme's base colour
 * with the title in its top border, where {@link ModalBox} puts it.
 */
final class ModalView {

    private ModalView() {
    }

    static void draw(Painter painter, SidebarState state, Theme theme) {
        Modal modal = state.panel().modal();
        int width = state.width();
        int height = state.height();
        if (modal instanceof ThemePicker picker) {
            list(painter, frame(painter, picker.box(width, height), "theme", theme), picker.list(),
                    picker.visibleRows(height), false, theme);
        } else if (modal instanceof WidthSlider slider) {
            slider(painter, frame(painter, slider.box(width, height), "Sidebar width", theme), slider, theme);
        } else if (modal instanceof KillConfirm confirm) {
            KillConfirmView.draw(painter, frame(painter, confirm.box(width, height), confirm.title(), theme), confirm,
                    theme);
        } else if (modal instanceof ProjectPicker picker) {
            projects(painter, frame(painter, picker.box(width, height), "new session", theme), picker, height, theme);
        } else if (modal instanceof Notice notice) {
            ModalBox box = frame(painter, notice.box(width, height), notice.title(), theme);
            List<String> lines = notice.lines(Math.max(1, box.innerWidth() - 2));
            for (int i = 0; i < lines.size(); i++) {
                body(painter, box, i, lines.get(i), theme.fg(theme.text()), theme);
            }
            body(painter, box, lines.size() + 1, Notice.HINT, theme.fg(theme.overlay0()).withDim(true), theme);
        }
    }

    /** The folders, or why there are none. */
    private static void projects(Painter painter, ModalBox box, ProjectPicker picker, int height, Theme theme) {
        if (picker.list().items().isEmpty()) {
            for (int i = 0; i < ProjectPicker.EMPTY.size(); i++) {
                body(painter, box, i, ProjectPicker.EMPTY.get(i), theme.fg(theme.overlay1()), theme);
            }
        } else {
            list(painter, box, picker.list(), picker.visibleRows(height), true, theme);
        }
    }

    /**
     * Clears the box's rows across the whole pane (a pane wider than the box would otherwise show cut pieces
     * of the list beside it), draws its border and title; returns the box.
     */
    private static ModalBox frame(Painter painter, ModalBox box, String title, Theme theme) {
        CellStyle fill = CellStyle.PLAIN.withBackground(theme.base());
        CellStyle border = theme.fg(theme.overlay0()).withBackground(theme.base());
        int right = box.x() + box.width() - 1;
        int bottom = box.y() + box.height() - 1;
        for (int y = box.y(); y <= bottom; y++) {
            painter.fill(0, y, painter.width(), " ", fill);
            painter.text(box.x(), y, y == box.y() ? "╭" : y == bottom ? "╰" : "│", border, right + 1);
            painter.text(right, y, y == box.y() ? "╮" : y == bottom ? "╯" : "│", border, right + 1);
        }
        painter.fill(box.x() + 1, box.y(), right, "─", border);
        painter.fill(box.x() + 1, bottom, right, "─", border);
        String label = " " + TextWidth.truncate(title, Math.max(0, box.width() - 6)) + " ";
        CellStyle titleStyle = theme.fg(theme.subtext1()).withBold(true).withBackground(theme.base());
        painter.text(box.x() + 2, box.y(), label, titleStyle, right);
        return box;
    }

    /** The filter row, then the visible matches with the cursor's row highlighted. */
    private static void list(Painter painter, ModalBox box, PickerList list, int visible, boolean paths, Theme theme) {
        if (list.query().isEmpty()) {
            body(painter, box, 0, "type to filter", theme.fg(theme.overlay0()).withDim(true), theme);
        } else {
            body(painter, box, 0, "/ " + list.query(), theme.fg(theme.text()), theme);
        }
        List<Integer> matches = list.matches();
        if (matches.isEmpty()) {
            body(painter, box, 1, "no match", theme.fg(theme.overlay0()), theme);
            return;
        }
        int first = list.firstShown(visible);
        int cursor = Math.min(list.cursor(), matches.size() - 1);
        int room = Math.max(0, box.innerWidth() - 3);
        for (int row = 0; row < visible && first + row < matches.size(); row++) {
            String item = list.items().get(matches.get(first + row));
            String shown = paths ? TextWidth.truncateLeft(item, room) : TextWidth.truncate(item, room);
            int y = box.y() + 2 + row;
            if (first + row == cursor) {
                CellStyle selected = theme.fg(theme.lavender()).withBold(true).withBackground(theme.surface0());
                painter.fill(box.innerLeft(), y, box.innerLeft() + box.innerWidth(), " ", selected);
                painter.text(box.innerLeft(), y, "› " + shown, selected, box.innerLeft() + box.innerWidth());
            } else {
                painter.text(box.innerLeft() + 2, y, shown, theme.fg(theme.text()).withBackground(theme.base()),
                        box.innerLeft() + box.innerWidth());
            }
        }
    }

    /** {@code N columns}, the bar over the allowed range, and the keys. */
    private static void slider(Painter painter, ModalBox box, WidthSlider slider, Theme theme) {
        body(painter, box, WidthSlider.VALUE_ROW, slider.value() + " columns", theme.fg(theme.text()).withBold(true),
                theme);
        int cells = WidthSlider.barWidth(box);
        int filled = WidthSlider.filled(slider.value(), cells);
        int left = WidthSlider.barLeft(box);
        int y = box.y() + 1 + WidthSlider.BAR_ROW;
        int end = box.innerLeft() + box.innerWidth();
        painter.fill(left, y, Math.min(end, left + filled), "█", theme.fg(theme.blue()).withBackground(theme.base()));
        painter.fill(left + filled, y, Math.min(end, left + cells), "░",
                theme.fg(theme.surface1()).withBackground(theme.base()));
        body(painter, box, 2, "←→ ±1  H L ±5", theme.fg(theme.overlay0()).withDim(true), theme);
    }

    /** Text on content row {@code row}, one space in from the border, cut at the border. */
    private static void body(Painter painter, ModalBox box, int row, String text, CellStyle style, Theme theme) {
        if (row >= box.height() - 2) {
            return;
        }
        int limit = box.innerLeft() + box.innerWidth();
        int room = Math.max(0, box.innerWidth() - 2);
        painter.text(box.innerLeft() + 1, box.y() + 1 + row, TextWidth.truncate(text, room),
                style.withBackground(theme.base()), limit);
    }
}
