package dev.opensessions.application.port.in;

import dev.opensessions.domain.session.PaneId;

/**
 * Whether sidebars are shown, and where (docs/reference/sidebar.md#shown-or-hidden). Visibility is one global
 * switch per tmux server; while the server is closing every call is a no-op.
 */
public interface SidebarPresenceUseCase {

    /**
     * Hides every sidebar when they are shown and the context's window holds one; otherwise shows them as
     * {@link #show} does. "Shown" is what the user sees: sidebars switched on while the context's window has
     * none (a start outside any pane, a restart after a crash) are shown, not hidden, by the toggle.
     */
    void toggle(ClientContext context);

    /**
     * Shows the sidebars whatever they were: one in every window that lacks one, the context's window first,
     * then the rest of its session, then the others, staggered, with the phase {@code WARMING} until each
     * has connected, vanished or timed out.
     */
    void show(ClientContext context);

    /** Opens a sidebar in the context's window when sidebars are shown and it has none; hidden stays hidden. */
    void ensure(ClientContext context);

    /** A sidebar pane connected (its shim sent the handshake): it counts as present for the warm-up. */
    void identified(PaneId pane);
}
