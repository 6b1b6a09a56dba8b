package dev.opensessions.sidebar.update;

import dev.opensessions.domain.session.SessionName;
import dev.opensessions.sidebar.model.Effect;
import dev.opensessions.sidebar.model.ListBlock;
import dev.opensessions.sidebar.model.ListRow;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;

import java.util.ArrayList;
import java.util.List;

/**
 * Reorders the list by blocks (docs/reference/sidebar.md#worktree-groups): a group moves as one, and a session moved
 * across a group jumps over all of it. The whole new display order goes to the core, which lays it in.
 */
final class ListEdits {

    private ListEdits() {
    }

    /** {@code Alt-Up}/{@code Alt-Down}: the focused row's block (a child's is its group) moves one block. */
    static Step<SidebarState> moveFocusedBlock(SidebarState state, int delta) {
        return Keys.focusedRow(state)
                .map(row -> {
                    List<ListBlock> blocks = state.blocks();
                    int from = blocks.indexOf(row.block());
                    return move(state, blocks, from, from + delta);
                })
                .orElseGet(() -> Step.of(state));
    }

    /** A drag-reorder: the dragged row's block takes the place of the block it was dropped on. */
    static Step<SidebarState> drop(SidebarState state, ListRow dragged, ListRow target) {
        List<ListBlock> blocks = state.blocks();
        return move(state, blocks, blocks.indexOf(dragged.block()), blocks.indexOf(target.block()));
    }

    private static Step<SidebarState> move(SidebarState state, List<ListBlock> blocks, int from, int to) {
        if (from < 0 || to < 0 || to >= blocks.size() || from == to) {
            return Step.of(state);
        }
        List<ListBlock> moved = new ArrayList<>(blocks);
        moved.add(to, moved.remove(from));
        List<SessionName> order = ListBlock.names(moved);
        // Shown at once and kept until the core's order changes, so a second press moves on from this one.
        SidebarState arranged = state.withList(state.list().withArranged(order, state.snapshot().order()));
        return Step.of(arranged, new Effect.ArrangeSessions(order));
    }
}
