package dev.opensessions.sidebar.update;

import dev.opensessions.domain.sidebar.SidebarPhase;
import dev.opensessions.domain.sidebar.SidebarPresence;
import dev.opensessions.domain.sidebar.SidebarSide;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.MouseKind;
import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Dragging the separator above the agents panel, on the cells it is drawn on at either docked side. */
class SeparatorDragTest {

    private static final int WIDTH = 40;

    private static SidebarState docked(SidebarSide side) {
        return WorktreeGroupKeysTest.world().presence(new SidebarPresence(true, SidebarPhase.READY, side))
                .sidebar(1, WIDTH, 40);
    }

    private static Msg at(MouseKind kind, int x, int y) {
        return new Msg.Mouse(kind, 0, x, y);
    }

    private static SidebarState send(SidebarState state, Msg... msgs) {
        for (Msg msg : msgs) {
            state = SidebarUpdate.update(state, msg).state();
        }
        return state;
    }

    @Test
    void dockedRightTheSeparatorDragsFromItsLeftEndAndSetsTheSharedHeightOnRelease() {
        SidebarState state = docked(SidebarSide.RIGHT);
        int separator = state.layout().upperSeparator().orElseThrow();

        SidebarState dragging = send(state, at(MouseKind.PRESS, 0, separator), at(MouseKind.DRAG, 0, separator - 4));
        Step<SidebarState> released = SidebarUpdate.update(dragging, at(MouseKind.RELEASE, 0, separator - 4));

        assertThat(dragging.layout().detailRows()).isEqualTo(state.layout().detailRows() + 4);
        assertThat(released.effects()).containsExactly(new Effect.SetDetailHeight(state.layout().detailRows() + 4));
        assertThat(released.state().list().resizing()).isFalse();
        assertThat(released.state().layout().side()).isEqualTo(SidebarSide.RIGHT);
    }

    @Test
    void dockedRightTheBlankCellAtTheScreenEdgeIsNotTheSeparator() {
        SidebarState state = docked(SidebarSide.RIGHT);
        int separator = state.layout().upperSeparator().orElseThrow();

        SidebarState pressed = send(state, at(MouseKind.PRESS, WIDTH - 1, separator));

        assertThat(pressed.list().resizing()).isFalse();
        assertThat(send(pressed, at(MouseKind.DRAG, WIDTH - 1, separator - 4)).layout().detailRows())
                .isEqualTo(state.layout().detailRows());
    }

    @Test
    void dockedLeftTheSeparatorDragsFromItsRightEndButNotFromTheBlankLeftCell() {
        SidebarState state = docked(SidebarSide.LEFT);
        int separator = state.layout().upperSeparator().orElseThrow();

        assertThat(send(state, at(MouseKind.PRESS, 0, separator)).list().resizing()).isFalse();
        SidebarState dragging = send(state, at(MouseKind.PRESS, WIDTH - 1, separator),
                at(MouseKind.DRAG, WIDTH - 1, separator + 2));
        assertThat(dragging.layout().detailRows()).isEqualTo(state.layout().detailRows() - 2);
    }
}
