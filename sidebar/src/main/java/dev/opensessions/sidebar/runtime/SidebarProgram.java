package dev.opensessions.sidebar.runtime;

import dev.opensessions.sidebar.model.Msg;
import dev.opensessions.sidebar.model.SidebarState;
import dev.opensessions.sidebar.model.Step;
import dev.opensessions.sidebar.update.SidebarUpdate;
import dev.opensessions.sidebar.view.Grid;
import dev.opensessions.sidebar.view.SidebarView;
import dev.opensessions.sidebar.view.Theme;
import dev.opensessions.sidebar.view.Themes;

import java.util.Objects;
import java.util.function.Supplier;

/** The sessions sidebar as a pane program: the pure state, update and view glued for the runtime. */
public final class SidebarProgram implements PaneProgram<SidebarState> {

    private final Supplier<Theme> theme;

    /** A sidebar in the default theme, Catppuccin Mocha. */
    public SidebarProgram() {
        this(Themes::defaultTheme);
    }

    /**
     * A sidebar drawn in whatever theme the supplier gives at each frame, so a theme changed in config
     * is used from the next frame on, without reconnecting panes.
     */
    public SidebarProgram(Supplier<Theme> theme) {
        this.theme = Objects.requireNonNull(theme, "theme");
    }

    @Override
    public SidebarState initial(PaneContext context) {
        return SidebarState.initial(context.pane(), context.width(), context.height(), context.snapshot());
    }

    @Override
    public Step<SidebarState> update(SidebarState state, Msg msg) {
        return SidebarUpdate.update(state, msg);
    }

    @Override
    public Grid view(SidebarState state) {
        return SidebarView.render(state, theme.get());
    }

    @Override
    public boolean animating(SidebarState state) {
        return SidebarView.spinnerVisible(state);
    }
}
