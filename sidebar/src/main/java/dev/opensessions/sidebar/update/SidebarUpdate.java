package dev.opensessions.sidebar.update;

import dev.opensessions.application.state.StateSnapshot;
import dev.opensessions.domain.session.Client;
import dev.opensessions.domain.session.SessionName;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;
import dev.opensessions.sidebar.model.modal.Notice;
import dev.opensessions.sidebar.model.modal.ProjectPicker;
import dev.opensessions.sidebar.model.modal.WidthSlider;

import java.time.Duration;
import java.util.Optional;

/** The sidebar's pure update: one message and the pane's state in, the next state and effects out. */
public final class SidebarUpdate {

    /** The braille spinner advances one frame every 120 ms. */
    static final Duration SPINNER_FRAME = Duration.ofMillis(120);

    private SidebarUpdate() {
    }

    public static Step<SidebarState> update(SidebarState state, Msg msg) {
        return switch (msg) {
            case Msg.KeyPressed pressed -> Keys.handle(state, pressed.key());
            case Msg.Mouse mouse -> MouseActions.handle(state, mouse);
            case Msg.Resized resized -> Step.of(state.withSize(Math.max(1, resized.width()),
                    Math.max(1, resized.height())).scrolledToFocus());
            case Msg.Snapshot snapshot -> WaitTimes.tell(snapshot(state, snapshot.snapshot()),
                    snapshot.snapshot().takenAt());
            case Msg.Tick tick -> WaitTimes.tell(state.withSpinnerFrame(
                    (int) (tick.at().toEpochMilli() / SPINNER_FRAME.toMillis() % SidebarState.SPINNER_FRAMES)), tick.at());
            case Msg.PeerFocus peer -> Step.of(peerFocus(state, peer));
            case Msg.Timer timer -> timer(state, timer);
            case Msg.ProjectsListed listed -> Step.of(ModalKeys.open(state,
                    ProjectPicker.open(listed.directories(), listed.home())));
            case Msg.Told told -> Step.of(ModalKeys.open(state, new Notice(told.title(), told.text())));
            case Msg.WaitsLoaded loaded -> Step.of(WaitLine.loaded(state, loaded));
        };
    }

    /** A timer this pane set itself: the width slider's debounce, or the end of a click flash. */
    private static Step<SidebarState> timer(SidebarState state, Msg.Timer timer) {
        if (WidthSlider.TIMER.equals(timer.purpose())) {
            return ModalKeys.widthTimer(state, timer);
        }
        if (MouseActions.FLASH_TIMER.equals(timer.purpose())) {
            return Step.of(state.withList(state.list().flashEnded(timer.generation())));
        }
        return Step.of(state);
    }

    /**
     * Takes a newer snapshot. The pending switch ends when the pane's own session changed, when a client
     * comes back to the pane's session (the user returned), or when its target has gone; on a
     * return the stale focus is rehomed to the current session, and a focus whose session left the list
     * falls back to the current one.
     */
    static SidebarState snapshot(SidebarState state, StateSnapshot next) {
        if (next.version() < state.snapshot().version()) {
            return state;
        }
        Optional<SessionName> before = state.current();
        boolean shownBefore = shown(state.snapshot(), before);
        SidebarState updated = state.withSnapshot(next);
        updated = updated.withList(updated.list().seenOrder(next.order()));
        Optional<SessionName> now = updated.current();
        boolean returned = !before.equals(now) || !shownBefore && shown(next, now);
        if (returned) {
            updated = updated.withPending(null).withFocus(now.orElse(null));
        }
        if (updated.pending() != null && !next.topology().contains(updated.pending())) {
            updated = updated.withPending(null);
        }
        if (returned || !listed(updated, updated.focused())) {
            return updated.withFocus(updated.focusedSession().orElse(null)).scrolledToFocus();
        }
        return updated.withScroll(updated.scroll());
    }

    /**
     * Another sidebar of the same session (the same client's other window, docs/reference/sidebar.md#keyboard-focus)
     * moved its keyboard focus: this one follows, when it lists that session.
     */
    static SidebarState peerFocus(SidebarState state, Msg.PeerFocus peer) {
        if (state.current().filter(peer.fromSession()::equals).isEmpty() || !listed(state, peer.focused())) {
            return state;
        }
        return state.withFocus(peer.focused()).scrolledToFocus();
    }

    private static boolean shown(StateSnapshot snapshot, Optional<SessionName> session) {
        return session.isPresent() && snapshot.topology().clients().stream()
                .map(Client::session)
                .anyMatch(session.get()::equals);
    }

    static boolean listed(SidebarState state, SessionName session) {
        return state.listing().lists(session);
    }

    /**
     * Asks to show {@code target}: focus moves there and it becomes the pending target. Going back to the
     * pane's own session cancels the pending target; the switch is still sent when one was under way.
     */
    static Step<SidebarState> switchTo(SidebarState state, SessionName target) {
        return switchTo(state, target, false);
    }

    /** A switch that, with {@code stayInSidebar}, keeps the keyboard in the sidebar of the destination. */
    static Step<SidebarState> switchTo(SidebarState state, SessionName target, boolean stayInSidebar) {
        SidebarState focused = state.withFocus(target).scrolledToFocus();
        if (state.current().filter(target::equals).isPresent()) {
            return state.pending() == null
                    ? Step.of(focused)
                    : Step.of(focused.withPending(null), new Effect.SwitchSession(target, stayInSidebar));
        }
        return Step.of(focused.withPending(target), new Effect.SwitchSession(target, stayInSidebar));
    }
}
