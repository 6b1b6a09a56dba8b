package dev.opensessions.sidebar.view;

import dev.opensessions.domain.agent.Attention;
import dev.opensessions.sidebar.model.Layout;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.TextWidth;

import java.util.List;

/**
 * The sidebar's pure view: header, session list, separator, detail panel, separator
 * and footer hints, drawn into a {@link Grid} of the pane's size.
 */
public final class SidebarView {

    /** The footer hints (docs/reference/sidebar.md#what-it-shows), each kept whole when wrapping. */
    static final List<String> HINTS =
            List.of("⇥ cycle", "⏎ go", "→ agents", "f filter", "w width", "d hide", "x kill");

    private SidebarView() {
    }

    /** The pane's screen in its theme: the shared one, or the one the theme picker previews. */
    public static Grid render(SidebarState state) {
        return render(state, Themes.forPane(state));
    }

    public static Grid render(SidebarState state, Theme theme) {
        // The theme's base is the canvas: every cell, drawn or not, is on it ("default" keeps the terminal's).
        CellStyle canvas = CellStyle.PLAIN.withBackground(theme.base());
        Grid.Builder frame = Grid.builder(state.width(), state.height(),
                CellCache.cell(" ", canvas));
        Painter painter = new Painter(frame, theme.base());
        Layout layout = state.layout();
        SessionListView.header(painter, state, theme);
        SessionListView.list(painter, state, theme);
        CellStyle rule = theme.fg(theme.surface1());
        layout.upperSeparator()
                .ifPresent(y -> painter.fill(layout.separatorStart(), y, layout.separatorEnd(), "─", rule));
        if (layout.detailRows() > 0) {
            DetailPanelView.draw(painter, state, theme, layout.detailTop(), layout.detailRows());
        }
        painter.fill(layout.separatorStart(), layout.lowerSeparator(), layout.separatorEnd(), "─", rule);
        footer(painter, layout.footerTop(), theme);
        ModalView.draw(painter, state, theme);
        return frame.build();
    }

    /** True while a running agent's braille spinner is on screen, in the list or the detail panel. */
    public static boolean spinnerVisible(SidebarState state) {
        return render(state).animates();
    }

    /**
     * The pane's screen for {@code state}, given that {@code shownFrame} is the screen of {@code shown}: when only
     * the time moved (a spinner tick: the spinner's frame, and the header's wait clock without a change of the
     * minutes it tells), the shown frame with its spinners at the new frame, without drawing the rest again.
     */
    public static Grid render(SidebarState state, SidebarState shown, Grid shownFrame) {
        if (shown != null && shownFrame != null && state.differsOnlyInTime(shown)
                && SessionListView.waitTold(state).equals(SessionListView.waitTold(shown))) {
            return shownFrame.animatedTo(Signals.glyph(Attention.RUNNING, state.spinnerFrame()));
        }
        return render(state);
    }

    /** Two rows of dim hints, wrapped at hint boundaries; what does not fit is left out. */
    private static void footer(Painter painter, int top, Theme theme) {
        CellStyle dim = theme.fg(theme.overlay0()).withDim(true);
        int row = 0;
        int at = 1;
        for (String hint : HINTS) {
            int width = TextWidth.of(hint);
            int start = at == 1 ? at : at + 2;
            if (start + width > painter.width() - 1) {
                row++;
                start = 1;
            }
            if (row >= Layout.FOOTER_ROWS || start + width > painter.width() - 1) {
                return;
            }
            at = painter.text(start, top + row, hint, dim, painter.width() - 1);
        }
    }
}
