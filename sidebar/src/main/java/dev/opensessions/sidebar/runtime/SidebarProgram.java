package dev.opensessions.sidebar.runtime;

import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;
import dev.opensessions.sidebar.update.SidebarUpdate;
import dev.opensessions.sidebar.update.WaitLine;
import dev.opensessions.sidebar.view.Grid;
import dev.opensessions.sidebar.view.SidebarView;

/**
 * The sessions sidebar as a pane program: the pure state, update and view glued for the runtime. The theme
 * comes with each snapshot's shared settings, so a theme set from any pane shows everywhere on the next
 * frame.
 */
public final class SidebarProgram implements PaneProgram<SidebarState> {

    @Override
    public SidebarState initial(PaneContext context) {
        return SidebarState.initial(context.pane(), context.popup(), context.width(), context.height(),
                context.snapshot());
    }

    @Override
    public Step<SidebarState> update(SidebarState state, Msg msg) {
        return WaitLine.follow(state, msg, SidebarUpdate.update(state, msg));
    }

    @Override
    public Grid view(SidebarState state) {
        return SidebarView.render(state);
    }

    @Override
    public Grid view(SidebarState state, SidebarState shown, Grid shownFrame) {
        return SidebarView.render(state, shown, shownFrame);
    }

    /** While a spinner is drawn: the frame knows its animated cells, so a spinner hidden under "+N more" ticks not. */
    @Override
    public boolean animating(SidebarState state, Grid frame) {
        return frame.animates();
    }
}
