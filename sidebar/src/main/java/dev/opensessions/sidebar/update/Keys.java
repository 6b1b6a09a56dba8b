package dev.opensessions.sidebar.update;

import dev.opensessions.domain.session.Session;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.Key;
import dev.opensessions.sidebar.model.KeyKind;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;

import java.util.List;
import java.util.Optional;

/** The sessions-panel keys of SPEC 7.5. */
final class Keys {

    private Keys() {
    }

    static Step<SidebarState> handle(SidebarState state, Key key) {
        if (key.kind() == KeyKind.CHAR && key.ctrl() && key.codePoint() == 'c') {
            return Step.of(state, new Effect.ClosePane());
        }
        if (key.alt() && (key.kind() == KeyKind.UP || key.kind() == KeyKind.DOWN)) {
            return reorder(state, key.kind() == KeyKind.UP ? -1 : 1);
        }
        if (key.kind() == KeyKind.DOWN || key.is('j')) {
            return Step.of(moveFocus(state, 1));
        }
        if (key.kind() == KeyKind.UP || key.is('k')) {
            return Step.of(moveFocus(state, -1));
        }
        if (key.kind() == KeyKind.BACK_TAB || key.kind() == KeyKind.TAB && key.shift()) {
            return cycle(state, -1);
        }
        // Terminals send Ctrl-I as the Tab byte; a decoder that keeps it apart still means Tab.
        if (key.kind() == KeyKind.TAB || key.kind() == KeyKind.CHAR && key.ctrl() && key.codePoint() == 'i') {
            return cycle(state, 1);
        }
        if (key.kind() == KeyKind.ENTER) {
            return state.focusedSession().map(s -> SidebarUpdate.switchTo(state, s)).orElseGet(() -> Step.of(state));
        }
        if (key.kind() == KeyKind.CHAR && !key.ctrl() && !key.alt() && key.codePoint() >= '1' && key.codePoint() <= '9') {
            return byIndex(state, key.codePoint() - '1');
        }
        return letter(state, key);
    }

    private static Step<SidebarState> letter(SidebarState state, Key key) {
        if (key.is('q')) {
            return Step.of(state, new Effect.QuitServer());
        }
        if (key.is('d')) {
            return state.focusedSession()
                    .map(s -> Step.of(state, new Effect.HideSession(s)))
                    .orElseGet(() -> Step.of(state));
        }
        if (key.is('u')) {
            return Step.of(state, new Effect.ShowAllSessions());
        }
        if (key.is('f')) {
            SidebarState filtered = state.withFilter(state.filter().next());
            return Step.of(filtered.withFocus(filtered.focusedSession().orElse(null)).scrolledToFocus());
        }
        return Step.of(state);
    }

    /** Moves the keyboard focus without switching, clamped to the list (SPEC 7.5). */
    private static SidebarState moveFocus(SidebarState state, int delta) {
        List<Session> sessions = state.sessions();
        Optional<SessionName> from = state.focusedSession();
        if (from.isEmpty()) {
            return state;
        }
        int index = SidebarState.indexOf(sessions, from.get());
        int next = Math.max(0, Math.min(sessions.size() - 1, index + delta));
        return state.withFocus(sessions.get(next).name()).scrolledToFocus();
    }

    /** Tab and Shift-Tab go on from the pending target, so repeated presses advance before any confirmation. */
    private static Step<SidebarState> cycle(SidebarState state, int offset) {
        List<Session> sessions = state.sessions();
        Optional<SessionName> from = Optional.ofNullable(state.pending())
                .filter(p -> SidebarState.indexOf(sessions, p) >= 0)
                .or(state::current)
                .or(state::focusedSession);
        return SidebarUpdate.neighbour(sessions, from, offset)
                .map(target -> SidebarUpdate.switchTo(state, target))
                .orElseGet(() -> Step.of(state));
    }

    private static Step<SidebarState> byIndex(SidebarState state, int index) {
        List<Session> sessions = state.sessions();
        return index < sessions.size()
                ? SidebarUpdate.switchTo(state, sessions.get(index).name())
                : Step.of(state);
    }

    private static Step<SidebarState> reorder(SidebarState state, int delta) {
        return state.focusedSession()
                .map(s -> Step.of(state, new Effect.ReorderSession(s, delta)))
                .orElseGet(() -> Step.of(state));
    }
}
