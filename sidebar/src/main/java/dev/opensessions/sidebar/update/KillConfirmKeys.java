package dev.opensessions.sidebar.update;

import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.Key;
import dev.opensessions.sidebar.model.KeyKind;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;
import dev.opensessions.sidebar.model.modal.KillConfirm;

/** Keys of the kill confirm: {@code y} or Enter kill and close, {@code n} or Esc close. */
final class KillConfirmKeys {

    private KillConfirmKeys() {
    }

    static Step<SidebarState> handle(SidebarState state, KillConfirm confirm, Key key) {
        if (key.is('y') || key.is('Y') || key.kind() == KeyKind.ENTER) {
            return Step.of(closed(state), new Effect.KillSessions(confirm.sessions()));
        }
        if (key.is('n') || key.is('N') || key.kind() == KeyKind.ESCAPE) {
            return Step.of(closed(state));
        }
        return Step.of(state);
    }

    private static SidebarState closed(SidebarState state) {
        return state.withPanel(state.panel().withModal(null));
    }
}
