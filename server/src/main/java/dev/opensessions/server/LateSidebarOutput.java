package dev.opensessions.server;

import dev.opensessions.application.port.out.SidebarOutput;
import dev.opensessions.domain.session.PaneId;

import java.util.Objects;

/**
 * The core's {@link SidebarOutput} before the sidebar listener exists: the core is built first (the listener
 * needs its use cases), so writes find no pane until {@link SidebarHost} attaches the listener.
 */
final class LateSidebarOutput implements SidebarOutput {

    private volatile SidebarOutput target = SidebarOutput.none();

    void attach(SidebarOutput value) {
        target = Objects.requireNonNull(value, "value");
    }

    @Override
    public WriteOutcome write(PaneId sidebarPane, String sequence) {
        return target.write(sidebarPane, sequence);
    }
}
