package dev.opensessions.sidebar.update;

import dev.opensessions.domain.sidebar.DiffPlace;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.Key;
import dev.opensessions.sidebar.model.KeyKind;
import dev.opensessions.sidebar.model.ListRow;
import dev.opensessions.sidebar.model.ListRows;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;
import dev.opensessions.sidebar.model.modal.KillConfirm;

import java.util.List;
import java.util.Optional;

/** The session list's keys (docs/reference/sidebar.md#keys); modals and the agents panel take theirs first. */
final class Keys {

    private Keys() {
    }

    static Step<SidebarState> handle(SidebarState state, Key key) {
        if (key.kind() == KeyKind.CHAR && key.ctrl() && key.codePoint() == 'c') {
            return Step.of(state, new Effect.ClosePane());
        }
        if (state.panel().modal() != null) {
            return ModalKeys.handle(state, key);
        }
        Optional<Step<SidebarState>> panel = PanelKeys.handle(state, key);
        if (panel.isPresent()) {
            return panel.get();
        }
        if (key.alt() && (key.kind() == KeyKind.UP || key.kind() == KeyKind.DOWN)) {
            return ListEdits.moveFocusedBlock(state, key.kind() == KeyKind.UP ? -1 : 1);
        }
        if (key.kind() == KeyKind.DOWN || key.is('j')) {
            return moveFocus(state, 1);
        }
        if (key.kind() == KeyKind.UP || key.is('k')) {
            return moveFocus(state, -1);
        }
        if (key.kind() == KeyKind.BACK_TAB || key.kind() == KeyKind.TAB && key.shift()) {
            return cycle(state, -1);
        }
        // Terminals send Ctrl-I as the Tab byte; a decoder that keeps it apart still means Tab.
        if (key.kind() == KeyKind.TAB || key.kind() == KeyKind.CHAR && key.ctrl() && key.codePoint() == 'i') {
            return cycle(state, 1);
        }
        if (key.kind() == KeyKind.ENTER) {
            return focusedRow(state).map(row -> activate(state, row)).orElseGet(() -> Step.of(state));
        }
        if (key.kind() == KeyKind.CHAR && !key.ctrl() && !key.alt() && key.codePoint() >= '1' && key.codePoint() <= '9') {
            return state.rows().numbered(key.codePoint() - '0')
                    .map(row -> SidebarUpdate.switchTo(state, row.session().name()))
                    .orElseGet(() -> Step.of(state));
        }
        return letter(state, key);
    }

    /** Enter or a click on a row: a header collapses or expands its group, a session row switches to it. */
    static Step<SidebarState> activate(SidebarState state, ListRow row) {
        if (row.header()) {
            return Step.of(state, new Effect.SetGroupCollapsed(row.group().key(), !row.collapsed()));
        }
        return SidebarUpdate.switchTo(state, row.session().name());
    }

    private static Step<SidebarState> letter(SidebarState state, Key key) {
        if (key.is('q')) {
            // A popup is only a view: q closes it and leaves the server running.
            return Step.of(state, state.popup() ? new Effect.ClosePane() : new Effect.QuitServer());
        }
        if (key.is('u')) {
            return Step.of(state, new Effect.ShowAllSessions());
        }
        if (key.is('f')) {
            return Step.of(state, new Effect.SetFilter(state.filter().next()));
        }
        if (key.is('N')) {
            return Step.of(state, new Effect.JumpNext());
        }
        if (key.is('r')) {
            return Step.of(state, new Effect.Refresh());
        }
        if (key.is('n') || key.is('c')) {
            return Step.of(state, new Effect.NewSession());
        }
        if (key.is('x')) {
            return focusedRow(state)
                    .map(row -> Step.of(state.withPanel(state.panel().withModal(KillConfirm.forRow(row)))))
                    .orElseGet(() -> Step.of(state));
        }
        Optional<Effect> onFocused = state.focusedSession().map(s -> {
            if (key.is('d')) {
                return new Effect.HideSession(s);
            }
            if (key.is('l') || key.is('L')) {
                return new Effect.OpenDiff(s, key.is('l') ? DiffPlace.POPUP : DiffPlace.WINDOW);
            }
            return null;
        });
        return onFocused.map(effect -> Step.of(state, effect)).orElseGet(() -> Step.of(state));
    }

    static Optional<ListRow> focusedRow(SidebarState state) {
        ListRows rows = state.rows();
        int index = state.focusedRow(rows);
        return index < 0 ? Optional.empty() : Optional.of(rows.rows().get(index));
    }

    /**
     * Moves the keyboard focus a row without switching, clamped to the list; a header takes the
     * focus for its chosen child. The other sidebars of this pane's session follow
     * (docs/reference/sidebar.md#keyboard-focus).
     */
    private static Step<SidebarState> moveFocus(SidebarState state, int delta) {
        ListRows rows = state.rows();
        int index = state.focusedRow(rows);
        if (index < 0) {
            return Step.of(state);
        }
        ListRow target = rows.rows().get(Math.max(0, Math.min(rows.rows().size() - 1, index + delta)));
        SidebarState moved = (target.header() ? state.withHeaderFocus(target) : state.withFocus(target.session().name()))
                .scrolledToFocus();
        if (moved.equals(state)) {
            return Step.of(state);
        }
        return moved.current()
                .map(current -> Step.of(moved, new Effect.ShareFocus(current, target.session().name())))
                .orElseGet(() -> Step.of(moved));
    }

    /** Tab and Shift-Tab go on from the pending target, so repeated presses advance before any confirmation. */
    private static Step<SidebarState> cycle(SidebarState state, int offset) {
        ListRows rows = state.rows();
        List<ListRow> targets = rows.targets();
        if (targets.isEmpty()) {
            return Step.of(state);
        }
        int from = Optional.ofNullable(state.pending()).map(rows::targetIndexOf).filter(i -> i >= 0)
                .or(() -> state.current().map(rows::targetIndexOf).filter(i -> i >= 0))
                .or(() -> state.focusedSession().map(rows::targetIndexOf).filter(i -> i >= 0))
                .orElse(-1);
        int next = from < 0 ? (offset > 0 ? 0 : targets.size() - 1) : Math.floorMod(from + offset, targets.size());
        return SidebarUpdate.switchTo(state, targets.get(next).session().name(), true);
    }
}
