package dev.opensessions.server;

import dev.opensessions.application.port.out.SidebarPanes;
import dev.opensessions.domain.session.PaneId;
import dev.opensessions.domain.sidebar.SidebarSide;

import java.util.List;
import java.util.Optional;

/** The sidebar panes of a server outside tmux: there are no windows, so there is nothing to open or keep. */
final class NoSidebarPanes implements SidebarPanes {

    @Override
    public void maintain(boolean visible, int width) {
        // No windows to keep sidebars in.
    }

    @Override
    public void dock(SidebarSide side) {
        // No windows to dock sidebars in.
    }

    /** Outside tmux there is no tmux option; config {@code sidebarPosition} decides. */
    @Override
    public Optional<String> sideOption() {
        return Optional.empty();
    }

    @Override
    public List<String> windows(Optional<String> originClientTty) {
        return List.of();
    }

    @Override
    public Optional<String> windowOf(String clientTty) {
        return Optional.empty();
    }

    @Override
    public Optional<PaneId> open(String windowId) {
        return Optional.empty();
    }

    @Override
    public boolean lacksSidebar(String windowId) {
        return false;
    }

    @Override
    public void closeAll() {
        // No sidebar panes exist.
    }
}
