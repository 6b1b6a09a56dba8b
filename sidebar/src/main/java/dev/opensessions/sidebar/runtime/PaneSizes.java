package dev.opensessions.sidebar.runtime;

import dev.opensessions.domain.session.PaneId;

import java.util.Optional;

/**
 * Where the size of a docked pane comes from when its shim leaves it to the server (a {@code - -} handshake):
 * the terminal multiplexer, which made the pane.
 */
@FunctionalInterface
public interface PaneSizes {

    /** Knows no pane: every handshake without a size is refused. */
    PaneSizes NONE = pane -> Optional.empty();

    /** The pane's size now, or empty when the pane is unknown or the multiplexer did not answer in time. */
    Optional<Size> of(PaneId pane);

    /** A pane's size in cells. */
    record Size(int width, int height) {
    }
}
