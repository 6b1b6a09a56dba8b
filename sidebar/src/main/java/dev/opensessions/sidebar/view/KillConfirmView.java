package dev.opensessions.sidebar.view;

import dev.opensessions.sidebar.model.TextWidth;
import dev.opensessions.sidebar.model.modal.KillConfirm;
import dev.opensessions.sidebar.model.modal.ModalBox;

/**
 * The kill confirm's body inside the box {@link ModalView} framed with its title: what is
 * killed, a blank line, and the {@code y / n} hint.
 */
final class KillConfirmView {

    private KillConfirmView() {
    }

    static void draw(Painter painter, ModalBox box, KillConfirm confirm, Theme theme) {
        line(painter, box, 0, confirm.detail(), theme.fg(theme.text()).withBold(true), theme);
        line(painter, box, 2, KillConfirm.HINT, theme.fg(theme.overlay1()), theme);
    }

    private static void line(Painter painter, ModalBox box, int row, String text, CellStyle style, Theme theme) {
        if (row >= box.height() - 2) {
            return;
        }
        int limit = box.innerLeft() + box.innerWidth();
        painter.text(box.innerLeft() + 1, box.y() + 1 + row, TextWidth.truncate(text, Math.max(0, box.innerWidth() - 2)),
                style.withBackground(theme.base()), limit);
    }
}
