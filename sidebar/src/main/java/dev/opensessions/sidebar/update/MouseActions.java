package dev.opensessions.sidebar.update;

import dev.opensessions.domain.agent.AgentThread;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.sidebar.DiffPlace;
import dev.opensessions.domain.sidebar.SessionFilter;
import dev.opensessions.sidebar.model.DetailLine;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.Layout;
import dev.opensessions.sidebar.model.ListRow;
import dev.opensessions.sidebar.model.ListRows;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.RowId;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Mouse actions on the session list. A click acts on release over the row it pressed, so a press
 * can still become a drag-reorder: a session row switches (on its signal it also shows the agent, on its
 * diff counts opens the diff, on its port the browser), a group header collapses or expands, and the row
 * flashes. The wheel scrolls, moving hovers, and the upper separator drags the detail panel's height.
 * The detail panel and open modals are {@link PanelMouse}'s.
 */
final class MouseActions {

    static final Duration FLASH = Duration.ofMillis(150);
    /** The purpose of the click flash's {@link Msg.Timer}. */
    static final String FLASH_TIMER = "flash";
    private static final int LEFT_BUTTON = 0;

    private MouseActions() {
    }

    static Step<SidebarState> handle(SidebarState state, Msg.Mouse mouse) {
        if (state.panel().modal() != null) {
            return PanelMouse.handle(state, mouse);
        }
        if (state.list().resizing()) {
            return resize(state, mouse);
        }
        Layout layout = state.layout();
        if (layout.inDetailPanel(mouse.y()) && state.list().pressed() == null) {
            return PanelMouse.handle(state.withList(state.list().withHover(-1)), mouse);
        }
        return switch (mouse.kind()) {
            case SCROLL_UP -> Step.of(state.withScroll(state.scroll() - 1));
            case SCROLL_DOWN -> Step.of(state.withScroll(state.scroll() + 1));
            case MOVE -> Step.of(state.withList(state.list().withHover(inList(layout, mouse.y()) ? mouse.y() : -1)));
            case PRESS -> mouse.button() == LEFT_BUTTON ? Step.of(press(state, mouse.x(), mouse.y())) : Step.of(state);
            case DRAG -> Step.of(mouse.button() == LEFT_BUTTON && state.list().pressed() != null
                    ? state.withList(state.list().withDrag(mouse.y()).withHover(mouse.y())) : state);
            case RELEASE -> release(state, mouse);
        };
    }

    private static boolean inList(Layout layout, int y) {
        return y >= layout.listTop() && y < layout.listTop() + layout.listRows();
    }

    private static SidebarState press(SidebarState state, int x, int y) {
        Layout layout = state.layout();
        if (layout.onUpperSeparator(x, y)) {
            return state.withList(state.list().withResize(layout.detailRows()));
        }
        return state.rows().at(y, state.scroll(), layout)
                .map(placed -> state.withList(state.list().withPressed(placed.row().id())))
                .orElse(state);
    }

    /** The separator follows the pointer locally; the shared height is set once, on release. */
    private static Step<SidebarState> resize(SidebarState state, Msg.Mouse mouse) {
        return switch (mouse.kind()) {
            case DRAG -> Step.of(state.withList(state.list().withResize(
                    state.layout().detailRowsForSeparatorAt(mouse.y()))));
            case RELEASE -> Step.of(state.withList(state.list().withResize(-1)),
                    new Effect.SetDetailHeight(state.list().resizeRows()));
            case PRESS, MOVE, SCROLL_UP, SCROLL_DOWN -> Step.of(state);
        };
    }

    private static Step<SidebarState> release(SidebarState state, Msg.Mouse mouse) {
        RowId pressed = state.list().pressed();
        if (pressed == null) {
            return Step.of(state);
        }
        SidebarState released = state.withList(state.list().withPressed(null));
        ListRows rows = state.rows();
        int from = rows.indexOf(pressed);
        Optional<ListRows.Placed> target = rows.at(mouse.y(), state.scroll(), state.layout());
        if (from < 0 || target.isEmpty()) {
            return Step.of(released);
        }
        if (target.get().row().id().equals(pressed)) {
            return click(released, rows, target.get(), mouse);
        }
        boolean dragged = state.list().dragY() >= 0 && state.filter() == SessionFilter.ALL;
        return dragged ? ListEdits.drop(released, rows.rows().get(from), target.get().row()) : Step.of(released);
    }

    private static Step<SidebarState> click(SidebarState state, ListRows rows, ListRows.Placed placed, Msg.Mouse mouse) {
        ListRow row = placed.row();
        SidebarState flashed = state.withList(state.list().flashing(row.id()));
        Step<SidebarState> action = row.header() ? Keys.activate(flashed, row)
                : sessionClick(flashed, rows, placed, mouse);
        List<Effect> effects = new ArrayList<>(action.effects());
        effects.add(new Effect.Later(FLASH, new Msg.Timer(FLASH_TIMER, flashed.list().generation())));
        return new Step<>(action.state(), effects);
    }

    private static Step<SidebarState> sessionClick(SidebarState state, ListRows rows, ListRows.Placed placed,
                                                   Msg.Mouse mouse) {
        Session session = placed.row().session();
        if (mouse.y() == placed.y() + 1) {
            DetailLine line = DetailLine.of(session, rows.nameColumn(), state.width() - 1 - rows.nameColumn());
            if (line.onDiff(mouse.x())) {
                return Step.of(state, new Effect.OpenDiff(session.name(), DiffPlace.POPUP));
            }
            if (line.onPort(mouse.x())) {
                return Step.of(state, new Effect.OpenPort(session.ports().getFirst()));
            }
        }
        Step<SidebarState> switched = SidebarUpdate.switchTo(state, session.name());
        if (mouse.y() != placed.y() || mouse.x() != rows.signalColumn()) {
            return switched;
        }
        return agentPane(state, session).map(pane -> {
            List<Effect> effects = new ArrayList<>(switched.effects());
            effects.add(new Effect.FocusAgent(pane));
            return new Step<>(switched.state(), effects);
        }).orElse(switched);
    }

    /** The pane of the most urgent agent of the session that has one. */
    private static Optional<PaneId> agentPane(SidebarState state, Session session) {
        return state.snapshot().agents().visible(session.name(), state.snapshot().topology().focusedPanes()).stream()
                .filter(t -> t.paneId() != null)
                .min(Comparator.comparing(AgentThread::attention))
                .map(AgentThread::paneId);
    }
}
