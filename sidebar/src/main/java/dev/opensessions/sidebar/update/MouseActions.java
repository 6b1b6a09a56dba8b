package dev.opensessions.sidebar.update;

import dev.opensessions.domain.session.Session;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;

import java.util.List;

/** Mouse actions on the session list (SPEC 7.5): a left click on a session switches to it, the wheel scrolls. */
final class MouseActions {

    private static final int LEFT_BUTTON = 0;

    private MouseActions() {
    }

    static Step<SidebarState> handle(SidebarState state, Msg.Mouse mouse) {
        return switch (mouse.kind()) {
            case SCROLL_UP -> Step.of(state.withScroll(state.scroll() - 1));
            case SCROLL_DOWN -> Step.of(state.withScroll(state.scroll() + 1));
            case PRESS -> mouse.button() == LEFT_BUTTON ? click(state, mouse.y()) : Step.of(state);
            case RELEASE, DRAG, MOVE -> Step.of(state);
        };
    }

    private static Step<SidebarState> click(SidebarState state, int y) {
        List<Session> sessions = state.sessions();
        return state.layout().sessionAt(y, state.scroll(), sessions.size())
                .map(index -> SidebarUpdate.switchTo(state, sessions.get(index).name()))
                .orElseGet(() -> Step.of(state));
    }
}
