package dev.opensessions.server;

import dev.opensessions.application.port.out.SidebarPanes;
import dev.opensessions.domain.session.PaneId;

import java.util.List;
import java.util.Optional;

/** The sidebar panes of a server outside tmux: there are no windows, so there is nothing to open or keep. */
final class NoSidebarPanes implements SidebarPanes {

    @Override
    public void maintain(boolean visible, int width) {
        // No windows to keep sidebars in.
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
