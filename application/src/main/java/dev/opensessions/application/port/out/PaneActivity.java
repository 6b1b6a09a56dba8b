package dev.opensessions.application.port.out;

import dev.opensessions.domain.session.PaneId;

import java.util.Set;
import java.util.function.Consumer;

/**
 * Tells when chosen panes printed something, through the multiplexer's existing connection and without any
 * timer of the server's own: the screen reader watches only the panes that hold an agent, and nothing at all
 * while none does.
 */
public interface PaneActivity {

    /**
     * Watches these panes from now on, in place of the ones watched before; an empty set stops watching.
     *
     * @param panes the panes to watch
     */
    void watch(Set<PaneId> panes);

    /** Who to tell, on any thread, which watched panes printed since the last time they were told of. */
    void onActivity(Consumer<Set<PaneId>> listener);

    /**
     * True when every output of this watched pane is told as it happens, so a pane told of once and read after
     * that shows all it printed; false when a report may fold later output into itself (a once-a-second check),
     * so the pane must be read again for a while after each report.
     */
    default boolean exact(PaneId pane) {
        return false;
    }

    /** Activity of a machine without panes: nothing is ever told. */
    static PaneActivity none() {
        return new PaneActivity() {
            @Override
            public void watch(Set<PaneId> panes) {
            }

            @Override
            public void onActivity(Consumer<Set<PaneId>> listener) {
            }
        };
    }
}
