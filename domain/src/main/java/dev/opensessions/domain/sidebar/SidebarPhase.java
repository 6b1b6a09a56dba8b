package dev.opensessions.domain.sidebar;

/**
 * Where this server generation's sidebars are (docs/reference/sidebar.md#quit-is-final). It only moves
 * forward to {@link #CLOSING}: once closing, nothing makes it warm or ready again.
 */
public enum SidebarPhase {
    /** Every sidebar that was asked for is there (or was given up on). */
    READY,
    /** Sidebars are being opened in every window after a show; shown as {@code warming up…}. */
    WARMING,
    /** The server is shutting down; shown as {@code closing…}. */
    CLOSING
}
